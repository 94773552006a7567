using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.InProcess;

namespace UrlShortener.Workers.Tests.Transports;

public sealed class InProcessClickQueueTests : ClickQueueContractTests
{
    private readonly ChannelClickQueue _queue = new(100_000, TimeProvider.System);

    protected override IClickQueue Queue => _queue;

    protected override IClickQueueConsumerFactory Consumers => _queue;

    [Fact]
    public async Task MakesThePublisherWaitWhenTheChannelIsFull()
    {
        var queue = new ChannelClickQueue(10, TimeProvider.System);
        var clicks = TestClicks.Create(15);

        var publishing = queue.PublishAsync(clicks, Ct);
        await Task.Delay(100, Ct);
        Assert.False(publishing.IsCompleted);
        Assert.Equal(10, queue.Count);

        await using var consumer = queue.Create("reader");
        var first = await consumer.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct);
        await publishing.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var rest = await consumer.ReceiveAsync(10, TimeSpan.FromMilliseconds(200), Ct);

        AssertSameEvents(clicks, [.. first.Events, .. rest.Events]);
    }

    [Fact]
    public async Task ReturnsAPartialBatchWhenTheWaitIsOver()
    {
        await Queue.PublishAsync(TestClicks.Create(3), Ct);
        await using var consumer = Consumers.Create("reader");

        var batch = await consumer.ReceiveAsync(1_000, TimeSpan.FromMilliseconds(200), Ct);

        Assert.Equal(3, batch.Events.Count);
    }

    [Fact]
    public async Task ReturnsAnEmptyBatchWhenNothingArrives()
    {
        await using var consumer = Consumers.Create("reader");

        var batch = await consumer.ReceiveAsync(1_000, TimeSpan.FromMilliseconds(100), Ct);

        Assert.Empty(batch.Events);
    }
}
