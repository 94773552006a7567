namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>Production mode: PostgreSQL + Redis (L2 cache and backplane), on a database and key prefix of its own.</summary>
public sealed class PostgresRedisAppFixture : IAsyncLifetime, IAppFixture
{
    public PostgresDatabase Database { get; private set; } = null!;

    public string RedisPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    public ShortenerApp App { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(string postgres, string redis, string redisPrefix)
    {
        var settings = ShortenerApp.CommonSettings();
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Postgres"] = postgres;
        settings["ConnectionStrings:Redis"] = redis;
        settings["Redis:KeyPrefix"] = redisPrefix;
        settings["Clicks:Transport"] = "RedisStreams";
        settings["RedisStreams:ClaimIdleTime"] = "00:00:02";
        return settings;
    }

    public async ValueTask InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        App = new ShortenerApp(Settings(Database.ConnectionString, TestServices.Redis, RedisPrefix));
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
