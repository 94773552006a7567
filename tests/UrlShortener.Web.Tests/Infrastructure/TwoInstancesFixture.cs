namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>Two web instances behind an imaginary load balancer: one PostgreSQL database, one Redis.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;

    public string RedisPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    public ShortenerApp First { get; private set; } = null!;

    public ShortenerApp Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        var settings = PostgresRedisAppFixture.Settings(Database.ConnectionString, TestServices.Redis, RedisPrefix);
        First = new ShortenerApp(settings);
        Second = new ShortenerApp(settings);
        // Both start (and migrate) at once, as a rolling deployment would.
        await Task.WhenAll(Task.Run(() => First.Server), Task.Run(() => Second.Server));
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Database.DisposeAsync();
    }
}
