using System.Collections.Concurrent;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Tests.Transports;

/// <summary>
/// What every click transport must do, run once per transport by the derived classes. Each test instance gets its
/// own queue (stream, topic), so tests never see each other's events.
/// </summary>
public abstract class ClickQueueContractTests : IAsyncLifetime
{
    protected const int EventCount = 2_000;
    protected static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    protected abstract IClickQueue Queue { get; }

    protected abstract IClickQueueConsumerFactory Consumers { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DeliversEveryPublishedEventExactlyOnceWhenAcknowledged()
    {
        var published = TestClicks.Create(EventCount);
        await PublishAsync(published);

        await using var consumer = Consumers.Create("single");
        var received = await DrainAsync(consumer, EventCount);

        AssertSameEvents(published, received);
        await AssertNothingMoreAsync(consumer);
    }

    [Fact]
    public async Task SplitsTheLoadBetweenTwoConsumersWithoutDuplicates()
    {
        await using var first = Consumers.Create("first");
        await using var second = Consumers.Create("second");
        await WaitForConsumersAsync([first, second]);

        var published = TestClicks.Create(EventCount);
        var received = new ConcurrentQueue<(int Consumer, ClickEvent Click)>();
        var draining = new[] { first, second }
            .Select((consumer, index) => Task.Run(() => DrainSharedAsync(consumer, index, received), Ct))
            .ToArray();
        await PublishAsync(published);
        await Task.WhenAll(draining);

        AssertSameEvents(published, received.Select(r => r.Click).ToList());
        Assert.Contains(received, r => r.Consumer == 0);
        Assert.Contains(received, r => r.Consumer == 1);
    }

    /// <summary>Lets freshly created consumers join their group before events are published.</summary>
    protected virtual Task WaitForConsumersAsync(IReadOnlyList<IClickQueueConsumer> consumers) => Task.CompletedTask;

    protected async Task PublishAsync(IReadOnlyList<ClickEvent> clicks)
    {
        foreach (var batch in clicks.Chunk(500))
        {
            await Queue.PublishAsync(batch, Ct);
        }
    }

    /// <summary>Receives and acknowledges until <paramref name="expected"/> events have arrived.</summary>
    protected static async Task<List<ClickEvent>> DrainAsync(IClickQueueConsumer consumer, int expected)
    {
        var received = new List<ClickEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(DrainTimeout);
        while (received.Count < expected && !timeout.IsCancellationRequested)
        {
            var batch = await consumer.ReceiveAsync(500, TimeSpan.FromMilliseconds(250), Ct);
            received.AddRange(batch.Events);
            await consumer.AcknowledgeAsync(batch, Ct);
        }

        Assert.True(received.Count >= expected, $"Received {received.Count} of {expected} events within {DrainTimeout}.");
        return received;
    }

    /// <summary>Receives until a non-empty batch arrives, without acknowledging it.</summary>
    protected static async Task<ReceivedBatch> ReceiveBatchAsync(IClickQueueConsumer consumer, int maxEvents)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(DrainTimeout);
        while (!timeout.IsCancellationRequested)
        {
            var batch = await consumer.ReceiveAsync(maxEvents, TimeSpan.FromMilliseconds(250), Ct);
            if (batch.Events.Count > 0)
            {
                return batch;
            }
        }

        Assert.Fail($"No events arrived within {DrainTimeout}.");
        return ReceivedBatch.Empty;
    }

    protected static async Task AssertNothingMoreAsync(IClickQueueConsumer consumer)
    {
        var extra = await consumer.ReceiveAsync(100, TimeSpan.FromMilliseconds(600), Ct);
        Assert.Empty(extra.Events);
    }

    /// <summary>Each published event arrived once, unchanged, and nothing else arrived.</summary>
    protected static void AssertSameEvents(IReadOnlyCollection<ClickEvent> expected, IReadOnlyCollection<ClickEvent> received)
    {
        var duplicates = received.GroupBy(c => c.EventId).Count(g => g.Count() > 1);
        Assert.True(duplicates == 0, $"{duplicates} events were received more than once.");

        var byId = expected.ToDictionary(c => c.EventId);
        var unexpected = received.Count(c => !byId.ContainsKey(c.EventId));
        Assert.True(unexpected == 0, $"{unexpected} received events were never published.");
        Assert.True(received.Count == expected.Count, $"Received {received.Count} distinct events, expected {expected.Count}.");
        foreach (var click in received)
        {
            Assert.Equal(byId[click.EventId], click);
        }
    }

    private static async Task DrainSharedAsync(
        IClickQueueConsumer consumer, int index, ConcurrentQueue<(int Consumer, ClickEvent Click)> received)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(DrainTimeout);
        while (received.Count < EventCount && !timeout.IsCancellationRequested)
        {
            // Small batches, so that neither consumer can take everything in one go.
            var batch = await consumer.ReceiveAsync(50, TimeSpan.FromMilliseconds(100), Ct);
            foreach (var click in batch.Events)
            {
                received.Enqueue((index, click));
            }

            // Stands in for storing the batch; without it an in-process consumer can empty the channel in one go.
            await Task.Delay(5, Ct);
            await consumer.AcknowledgeAsync(batch, Ct);
        }
    }
}
