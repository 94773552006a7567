using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.RedisStreams;

namespace UrlShortener.Workers.Tests.Transports;

public sealed class RedisStreamClickQueueTests : DurableClickQueueContractTests, IClassFixture<RedisTestServer>
{
    private readonly RedisTestServer _server;
    private readonly RedisStreamsOptions _options;
    private readonly RedisStreamClickQueue _queue;

    public RedisStreamClickQueueTests(RedisTestServer server)
    {
        _server = server;
        _options = new RedisStreamsOptions
        {
            Stream = $"clicks-{Guid.NewGuid():N}",
            // Short enough for a killed consumer's entries to be claimed within the test.
            ClaimIdleTime = TimeSpan.FromMilliseconds(200),
            PollInterval = TimeSpan.FromMilliseconds(20),
            TrimInterval = TimeSpan.Zero,
        };
        _queue = CreateQueue(_options);
    }

    protected override IClickQueue Queue => _queue;

    protected override IClickQueueConsumerFactory Consumers => _queue;

    private IDatabase Database => _server.Database;

    [Fact]
    public async Task SkipsUnreadableEntriesWithoutBlockingTheStream()
    {
        var published = TestClicks.Create(EventCount);
        await Database.StreamAddAsync(_queue.StreamKey, "e", "not json at all");
        await PublishAsync(published[..1000]);
        await Database.StreamAddAsync(_queue.StreamKey, "other", "no event field");
        await Database.StreamAddAsync(_queue.StreamKey, "e", "{\"c\":\"abc\"}");
        await Database.StreamAddAsync(_queue.StreamKey, "e", "null");
        await Database.StreamAddAsync(_queue.StreamKey, "b", "[not json");
        await Database.StreamAddAsync(_queue.StreamKey, "b", "null");
        await Database.StreamAddAsync(_queue.StreamKey, "b", "[]");
        await Database.StreamAddAsync(_queue.StreamKey, "b", "[null, {\"c\":\"abc\"}, 42]");
        await Database.StreamAddAsync(_queue.StreamKey, "b", "{\"c\":\"abc\"}");
        await PublishAsync(published[1000..]);

        await using var consumer = Consumers.Create("reader");
        var received = await DrainAsync(consumer, EventCount);

        AssertSameEvents(published, received);
        await AssertNothingMoreAsync(consumer);
        var pending = await Database.StreamPendingAsync(_queue.StreamKey, _options.Group);
        Assert.Equal(0, pending.PendingMessageCount);
    }

    [Fact]
    public async Task TrimsTheStreamOnceTheGroupHasProcessedIt()
    {
        // One event per entry: trimming works on whole stream nodes (100 entries), so it needs many entries to show.
        var queue = CreateQueue(new RedisStreamsOptions
        {
            Stream = _options.Stream + "-trimmed",
            EventsPerEntry = 1,
            PollInterval = TimeSpan.FromMilliseconds(20),
            TrimInterval = TimeSpan.Zero,
        });
        foreach (var batch in TestClicks.Create(EventCount).Chunk(500))
        {
            await queue.PublishAsync(batch, Ct);
        }

        Assert.Equal(EventCount, await Database.StreamLengthAsync(queue.StreamKey));

        await using var consumer = queue.Create("reader");
        await DrainAsync(consumer, EventCount);

        // Trimming is approximate (whole stream nodes of up to 100 entries) and keeps the last delivered entry.
        var length = await Database.StreamLengthAsync(queue.StreamKey);
        Assert.InRange(length, 0, 101);
    }

    [Fact]
    public async Task KeepsEntriesThatAnotherConsumerStillHoldsWhenTrimming()
    {
        // The default claim idle time (30 s): the held entries stay with the slow consumer for the whole test. One
        // event per entry, as trimming only shows on many entries.
        var queue = CreateQueue(new RedisStreamsOptions
        {
            Stream = _options.Stream + "-held",
            EventsPerEntry = 1,
            PollInterval = TimeSpan.FromMilliseconds(20),
            TrimInterval = TimeSpan.Zero,
        });
        var published = TestClicks.Create(EventCount);
        foreach (var batch in published.Chunk(500))
        {
            await queue.PublishAsync(batch, Ct);
        }

        await using var slow = queue.Create("slow");
        var held = await ReceiveBatchAsync(slow, 500);
        await using (var fast = queue.Create("fast"))
        {
            var heldIds = held.Events.Select(c => c.EventId).ToHashSet();
            AssertSameEvents(
                published.Where(c => !heldIds.Contains(c.EventId)).ToList(), await DrainAsync(fast, EventCount - held.Events.Count));
        }

        Assert.Equal(EventCount, await Database.StreamLengthAsync(queue.StreamKey));

        await slow.AcknowledgeAsync(held, Ct);
        Assert.InRange(await Database.StreamLengthAsync(queue.StreamKey), 0, 101);
    }

    [Fact]
    public async Task CapsTheStreamAtMaxLengthCountedInEntries()
    {
        var capped = CreateQueue(new RedisStreamsOptions { Stream = _options.Stream + "-capped", MaxLength = 1_000, EventsPerEntry = 2 });

        foreach (var batch in TestClicks.Create(6_000).Chunk(500))
        {
            await capped.PublishAsync(batch, Ct);
        }

        // MAXLEN ~ removes whole nodes only, so the stream may exceed the cap by less than a node.
        Assert.InRange(await Database.StreamLengthAsync(capped.StreamKey), 1_000, 1_100);
    }

    [Fact]
    public async Task WritesOneEntryPerChunkOfEventsAsAJsonArray()
    {
        var clicks = TestClicks.Create(250);
        await Queue.PublishAsync(clicks, Ct);

        var entries = await Database.StreamRangeAsync(_queue.StreamKey);

        // ceil(250 / 100): two full chunks and the rest.
        Assert.Equal([100, 100, 50], entries.Select(e => JsonSerializer.Deserialize<List<ClickEvent>>((string)e["b"]!)!.Count));
        Assert.All(entries, e => Assert.True(e["e"].IsNull));
        var stored = entries.SelectMany(e => JsonSerializer.Deserialize<List<ClickEvent>>((string)e["b"]!)!).ToList();
        Assert.Equal(clicks, stored);
    }

    private RedisStreamClickQueue CreateQueue(RedisStreamsOptions options) =>
        new(_server.Redis, options, _server.KeyPrefix, TimeProvider.System, NullLoggerFactory.Instance);
}
