using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.RedisStreams;
using UrlShortener.Workers.Tests.Stores;

namespace UrlShortener.Workers.Tests.Transports;

/// <summary>
/// How events map onto Redis stream entries: chunks of up to 100 events, the single-event entries written before
/// chunks (still in a stream during a rolling upgrade), and batches that never split an entry.
/// </summary>
public sealed class RedisStreamEntryFormatTests : IClassFixture<RedisTestServer>
{
    private readonly RedisTestServer _server;
    private readonly RecordingLogger<RedisStreamEntryFormatTests> _log = new();
    private readonly RedisStreamClickQueue _queue;

    public RedisStreamEntryFormatTests(RedisTestServer server)
    {
        _server = server;
        var options = new RedisStreamsOptions { Stream = $"clicks-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(20) };
        _queue = new RedisStreamClickQueue(server.Redis, options, server.KeyPrefix, TimeProvider.System, new OneLoggerFactory(_log));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsumesSingleEventEntriesWrittenBeforeChunks()
    {
        var clicks = TestClicks.Create(300);
        await AddSingleEventEntriesAsync(clicks);

        await using var consumer = _queue.Create("reader");
        var received = await DrainAsync(consumer, clicks.Count, batchSize: 100);

        Assert.Equal(clicks, received);
        await AssertNothingLeftAsync(consumer);
    }

    [Fact]
    public async Task DeliversEveryEventOfAStreamOfOldAndNewEntriesExactlyOnce()
    {
        var clicks = TestClicks.Create(1_000);
        await AddSingleEventEntriesAsync(clicks[..150]);
        await _queue.PublishAsync(clicks[150..600], Ct);
        await AddSingleEventEntriesAsync(clicks[600..700]);
        await _queue.PublishAsync(clicks[700..], Ct);

        await using var consumer = _queue.Create("reader");
        var received = await DrainAsync(consumer, clicks.Count, batchSize: 120);

        // In stream order, each once.
        Assert.Equal(clicks, received);
        await AssertNothingLeftAsync(consumer);
    }

    [Fact]
    public async Task KeepsTheReadableEventsOfAChunkAndLogsTheOthers()
    {
        var clicks = TestClicks.Create(4);
        // A null and an incomplete event (the chunk still parses), then a number and a bad id (it does not).
        await AddChunkAsync($"[{Json(clicks[0])}, null, {{\"c\":\"abc\"}}, {Json(clicks[1])}]");
        await AddChunkAsync($"[{Json(clicks[2])}, 42, {{\"id\":\"not a guid\",\"c\":\"x\"}}, {Json(clicks[3])}]");

        await using var consumer = _queue.Create("reader");
        var received = await DrainAsync(consumer, clicks.Count, batchSize: 100);

        Assert.Equal(clicks, received);
        await AssertNothingLeftAsync(consumer);
        var warnings = _log.At(LogLevel.Warning);
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("holds 2 unreadable click events", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReturnsWholeEntriesWhenMaxEventsIsSmallerThanAChunk()
    {
        var clicks = TestClicks.Create(300);
        await _queue.PublishAsync(clicks, Ct);

        await using var consumer = _queue.Create("reader");
        // One entry of 100 for 10 asked: over by less than one entry, and not the whole stream.
        var first = await consumer.ReceiveAsync(10, TimeSpan.FromSeconds(2), Ct);
        // One entry for the 150 asked, then one more for the 50 still wanted.
        var second = await consumer.ReceiveAsync(150, TimeSpan.FromSeconds(2), Ct);

        Assert.Equal(clicks[..100], first.Events);
        Assert.Single(Assert.IsType<RedisValue[]>(first.Position));
        Assert.Equal(clicks[100..], second.Events);
        Assert.Equal(2, Assert.IsType<RedisValue[]>(second.Position).Length);
        await consumer.AcknowledgeAsync(first, Ct);
        await consumer.AcknowledgeAsync(second, Ct);
        await AssertNothingLeftAsync(consumer);
    }

    private static string Json(ClickEvent click) => JsonSerializer.Serialize(click);

    private Task AddChunkAsync(string json) => _server.Database.StreamAddAsync(_queue.StreamKey, "b", json);

    /// <summary>Writes entries the way the publisher did before chunks: one per event, field <c>e</c>.</summary>
    private async Task AddSingleEventEntriesAsync(IEnumerable<ClickEvent> clicks)
    {
        foreach (var click in clicks)
        {
            await _server.Database.StreamAddAsync(_queue.StreamKey, "e", JsonSerializer.SerializeToUtf8Bytes(click));
        }
    }

    private static async Task<List<ClickEvent>> DrainAsync(IClickQueueConsumer consumer, int expected, int batchSize)
    {
        var received = new List<ClickEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (received.Count < expected && !timeout.IsCancellationRequested)
        {
            var batch = await consumer.ReceiveAsync(batchSize, TimeSpan.FromMilliseconds(250), Ct);
            received.AddRange(batch.Events);
            await consumer.AcknowledgeAsync(batch, Ct);
        }

        return received;
    }

    private async Task AssertNothingLeftAsync(IClickQueueConsumer consumer)
    {
        Assert.Empty((await consumer.ReceiveAsync(100, TimeSpan.FromMilliseconds(300), Ct)).Events);
        var pending = await _server.Database.StreamPendingAsync(_queue.StreamKey, new RedisStreamsOptions().Group);
        Assert.Equal(0, pending.PendingMessageCount);
    }

    private sealed class OneLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
