using Microsoft.Extensions.Logging.Abstractions;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.RedisStreams;
using UrlShortener.Workers.Tests.Transports;

namespace UrlShortener.Workers.Tests.Ingestion;

public sealed class WorkerCrashRecoveryOnRedisStreamsTests(RedisTestServer redis) : WorkerCrashRecoveryTests, IClassFixture<RedisTestServer>
{
    private readonly RedisStreamClickQueue _queue = new(
        redis.Redis,
        new RedisStreamsOptions
        {
            Stream = $"clicks-{Guid.NewGuid():N}",
            ClaimIdleTime = TimeSpan.FromMilliseconds(300),
            PollInterval = TimeSpan.FromMilliseconds(20),
        },
        redis.KeyPrefix,
        TimeProvider.System,
        NullLoggerFactory.Instance);

    protected override IClickQueue Queue => _queue;

    protected override IClickQueueConsumerFactory Consumers => _queue;

    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(15);
}
