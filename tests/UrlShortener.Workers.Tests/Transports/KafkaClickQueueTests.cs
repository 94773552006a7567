using UrlShortener.Tests.Common;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.Kafka;

namespace UrlShortener.Workers.Tests.Transports;

public sealed class KafkaClickQueueTests : DurableClickQueueContractTests, IClassFixture<KafkaMockCluster>
{
    private static readonly TimeSpan GroupTimeout = TimeSpan.FromSeconds(15);

    private readonly KafkaMockCluster _cluster;
    private readonly KafkaOptions _options;
    private readonly KafkaClickQueue _queue;
    private int _partitionCount;

    public KafkaClickQueueTests(KafkaMockCluster cluster)
    {
        _cluster = cluster;
        _options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            Topic = $"clicks-{Guid.NewGuid():N}",
            GroupId = $"ingestion-{Guid.NewGuid():N}",
            // The mock waits session.timeout.ms - 1 s for members to rejoin when one comes or goes: keep it short.
            Consumer = new Dictionary<string, string>
            {
                ["session.timeout.ms"] = "3000",
                ["heartbeat.interval.ms"] = "300",
            },
        };
        _queue = new KafkaClickQueue(_options, TimeProvider.System, NullLoggerFactory.Instance);
    }

    protected override IClickQueue Queue => _queue;

    protected override IClickQueueConsumerFactory Consumers => _queue;

    public override ValueTask InitializeAsync()
    {
        // Consumers subscribing to a topic that does not exist yet would wait for a metadata refresh to see it.
        _partitionCount = _cluster.CreateTopic(_options.Topic);
        Assert.True(_partitionCount >= 2, $"The mock cluster created {_partitionCount} partition(s); the group tests need two or more.");
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        _queue.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task DisposingTwiceIsHarmless()
    {
        // The container disposes the queue once per registration it is exposed under.
        var queue = new KafkaClickQueue(_options, TimeProvider.System, NullLoggerFactory.Instance);
        await queue.PublishAsync(TestClicks.Create(3), TestContext.Current.CancellationToken);

        queue.Dispose();
        var second = Record.Exception(queue.Dispose);

        Assert.Null(second);
    }

    [Fact]
    public async Task SkipsUnreadableMessagesWithoutBlockingThePartition()
    {
        var published = TestClicks.Create(EventCount);
        // Same key as some real events, so that the garbage sits in front of them in their partition.
        var key = Encoding.UTF8.GetBytes(published[0].ShortCode);
        await _cluster.ProduceRawAsync(_options.Topic, key, Encoding.UTF8.GetBytes("not json at all"));
        await _cluster.ProduceRawAsync(_options.Topic, key, null);
        await PublishAsync(published[..1000]);
        await _cluster.ProduceRawAsync(_options.Topic, key, Encoding.UTF8.GetBytes("{\"c\":\"abc\"}"));
        await PublishAsync(published[1000..]);

        await using var consumer = Consumers.Create("reader");
        var received = await DrainAsync(consumer, EventCount);

        AssertSameEvents(published, received);
        await AssertNothingMoreAsync(consumer);
    }

    [Fact]
    public async Task KeysMessagesByShortCodeSoThatALinksClicksShareAPartition()
    {
        var published = TestClicks.Create(400);
        await PublishAsync(published);

        // A plain consumer without a group reads every partition from the start, as written.
        using var reader = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = _cluster.BootstrapServers,
            GroupId = "unused",
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        reader.Assign(Enumerable.Range(0, _partitionCount)
            .Select(p => new TopicPartitionOffset(_options.Topic, p, Offset.Beginning)));
        var partitionsByCode = new Dictionary<string, HashSet<int>>();
        for (var read = 0; read < published.Count;)
        {
            var result = reader.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"Read {read} of {published.Count} messages.");
            var click = JsonSerializer.Deserialize<ClickEvent>(result.Message.Value)!;
            Assert.Equal(click.ShortCode, result.Message.Key);
            if (!partitionsByCode.TryGetValue(click.ShortCode, out var partitions))
            {
                partitionsByCode[click.ShortCode] = partitions = [];
            }

            partitions.Add(result.Partition.Value);
            read++;
        }

        Assert.All(partitionsByCode.Values, partitions => Assert.Single(partitions));
        Assert.True(partitionsByCode.Values.Select(p => p.Single()).Distinct().Count() > 1, "Every short code landed on one partition.");
    }

    [Fact]
    public async Task FailsThePublishWhenTheBrokersCannotBeReached()
    {
        var unreachable = new KafkaOptions
        {
            BootstrapServers = "127.0.0.1:1",
            Topic = _options.Topic,
            Producer = new Dictionary<string, string> { ["message.timeout.ms"] = "1000" },
        };
        using var queue = new KafkaClickQueue(unreachable, TimeProvider.System, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<KafkaException>(() => queue.PublishAsync(TestClicks.Create(5), Ct));

        Assert.Contains("5 of 5 click events were not delivered", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Polls the consumers (which is what makes them take part in the group's rebalance) until every partition of the
    /// topic is owned and each consumer owns at least one.
    /// </summary>
    protected override async Task WaitForConsumersAsync(IReadOnlyList<IClickQueueConsumer> consumers)
    {
        var members = consumers.Cast<KafkaClickQueueConsumer>().ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(GroupTimeout);
        while (members.Any(m => m.Assignment.Count == 0) || members.Sum(m => m.Assignment.Count) < _partitionCount)
        {
            Assert.False(timeout.IsCancellationRequested, $"The consumer group did not settle within {GroupTimeout}.");
            var polls = members.Select(async m =>
            {
                var batch = await m.ReceiveAsync(1_000, TimeSpan.FromMilliseconds(100), Ct);
                Assert.Empty(batch.Events);
            });
            await Task.WhenAll(polls);
        }
    }
}
