using Microsoft.Extensions.Logging.Abstractions;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Tests.Common;
using UrlShortener.Workers.Infrastructure.Kafka;

namespace UrlShortener.Workers.Tests.Ingestion;

public sealed class WorkerCrashRecoveryOnKafkaTests : WorkerCrashRecoveryTests, IClassFixture<KafkaMockCluster>
{
    private readonly KafkaClickQueue _queue;

    public WorkerCrashRecoveryOnKafkaTests(KafkaMockCluster cluster)
    {
        var options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            Topic = $"clicks-{Guid.NewGuid():N}",
            GroupId = $"ingestion-{Guid.NewGuid():N}",
            // The mock cluster waits session.timeout.ms before handing a dead member's partitions on: keep it short.
            Consumer = new Dictionary<string, string> { ["session.timeout.ms"] = "3000", ["heartbeat.interval.ms"] = "300" },
        };
        cluster.CreateTopic(options.Topic);
        _queue = new KafkaClickQueue(options, TimeProvider.System, NullLoggerFactory.Instance);
    }

    protected override IClickQueue Queue => _queue;

    protected override IClickQueueConsumerFactory Consumers => _queue;

    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(30);

    public override async ValueTask DisposeAsync()
    {
        _queue.Dispose();
        await base.DisposeAsync();
    }
}
