using StackExchange.Redis;

namespace UrlShortener.Workers.Tests.Transports;

/// <summary>
/// The Redis started by scripts/test.sh (URLSHORTENER_TEST_REDIS), with a key prefix of its own per test class, whose
/// keys are deleted afterwards.
/// </summary>
public sealed class RedisTestServer : IAsyncLifetime
{
    public const string EndpointVariable = "URLSHORTENER_TEST_REDIS";

    private ConnectionMultiplexer? _redis;

    public string KeyPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDatabase Database => Redis.GetDatabase();

    public async ValueTask InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException(
                $"{EndpointVariable} is not set. Run the tests through scripts/test.sh, which starts Redis, or start one with " +
                "eval \"$(scripts/services.sh start)\" (it installs the redis-server package when missing) and run them again.");
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        foreach (var endpoint in _redis.GetEndPoints())
        {
            var keys = _redis.GetServer(endpoint).KeysAsync(pattern: KeyPrefix + "*");
            await foreach (var key in keys)
            {
                await _redis.GetDatabase().KeyDeleteAsync(key);
            }
        }

        await _redis.DisposeAsync();
    }
}
