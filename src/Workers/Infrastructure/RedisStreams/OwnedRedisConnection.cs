using StackExchange.Redis;
using UrlShortener.Workers.Infrastructure.Redis;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>
/// The worker process's own Redis connection, made only when the host registers none (the stand-alone worker).
/// Owned by the container, so it is closed when the host stops.
/// </summary>
internal sealed class OwnedRedisConnection(string? connectionString) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => Connect(connectionString));

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    private static ConnectionMultiplexer Connect(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Redis is required when Clicks:Transport is 'RedisStreams'.");
        }

        // Keep retrying in the background rather than fail the worker's start when Redis is briefly away: the
        // consumers' reads fail meanwhile and the ingestion loop retries them.
        var configuration = RedisConfiguration.Parse(connectionString, "urlshortener-workers");
        return ConnectionMultiplexer.Connect(configuration);
    }
}
