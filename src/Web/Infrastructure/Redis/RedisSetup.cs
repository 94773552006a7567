using StackExchange.Redis;
using UrlShortener.Workers.Infrastructure.Redis;

namespace UrlShortener.Web.Infrastructure.Redis;

public static class RedisSetup
{
    /// <summary>
    /// One multiplexer for the process, tuned to fail fast: when Redis is down, commands error at once (the cache
    /// then falls back to the database) instead of queueing behind a dead socket, and reconnection is retried
    /// every second so that recovery follows within moments of Redis coming back.
    /// </summary>
    public static bool AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(RedisOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var configuration = RedisConfiguration.Parse(connectionString, "urlshortener");
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);

        // A factory registration, so that the container disposes the connection when the host stops.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        return true;
    }
}
