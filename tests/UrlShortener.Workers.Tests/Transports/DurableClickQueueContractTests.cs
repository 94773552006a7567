namespace UrlShortener.Workers.Tests.Transports;

/// <summary>
/// The contract of the transports that survive a worker's death (Redis Streams, Kafka): what was not acknowledged is
/// delivered again, to another consumer; what was acknowledged never is.
/// </summary>
public abstract class DurableClickQueueContractTests : ClickQueueContractTests
{
    [Fact]
    public async Task RedeliversAnUnacknowledgedBatchToANewConsumerButNotAnAcknowledgedOne()
    {
        var published = TestClicks.Create(EventCount);
        await PublishAsync(published);

        var doomed = Consumers.Create("doomed");
        var acknowledged = await ReceiveBatchAsync(doomed, 300);
        await doomed.AcknowledgeAsync(acknowledged, Ct);
        // Stored but not acknowledged when the worker is killed.
        var unacknowledged = await ReceiveBatchAsync(doomed, 300);
        await doomed.DisposeAsync();

        await using var successor = Consumers.Create("successor");
        var received = await DrainAsync(successor, EventCount - acknowledged.Events.Count);

        var acknowledgedIds = acknowledged.Events.Select(c => c.EventId).ToHashSet();
        AssertSameEvents(published.Where(c => !acknowledgedIds.Contains(c.EventId)).ToList(), received);
        var receivedIds = received.Select(c => c.EventId).ToHashSet();
        Assert.All(unacknowledged.Events, c => Assert.Contains(c.EventId, receivedIds));
        await AssertNothingMoreAsync(successor);
    }

    [Fact]
    public async Task DoesNotRedeliverAcknowledgedEventsToANewConsumer()
    {
        var published = TestClicks.Create(EventCount);
        await PublishAsync(published);
        await using (var first = Consumers.Create("first"))
        {
            AssertSameEvents(published, await DrainAsync(first, EventCount));
        }

        await using var second = Consumers.Create("second");
        await WaitForConsumersAsync([second]);
        await AssertNothingMoreAsync(second);
    }
}
