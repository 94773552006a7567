using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Web.Features.Redirects.Clicks;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure;

namespace UrlShortener.UnitTests.Features.Redirects.Clicks;

/// <summary>The capture side's promise: a click is delayed by trouble, never dropped.</summary>
public sealed class ClickPublisherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("urlshortener-publisher-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeQueue _queue = new();
    private readonly ClickBuffer _buffer;
    private readonly ClickSpill _spill;
    private readonly ClickPublisher _publisher;

    public ClickPublisherTests()
    {
        var capture = Options.Create(new ClickCaptureOptions { BufferCapacity = 1_000, PublishBatchSize = 250, SpillPath = _folder });
        var metrics = new ClickMetrics(_services.GetRequiredService<IMeterFactory>());
        _buffer = new ClickBuffer(capture, metrics);
        _spill = new ClickSpill(capture, new HostingEnvironment { ContentRootPath = _folder }, metrics);
        _publisher = new ClickPublisher(_buffer, _spill, _queue, metrics, TimeProvider.System, capture,
            Options.Create(new ClicksOptions { Transport = ClickTransport.RedisStreams }), NullLogger<ClickPublisher>.Instance);
    }

    [Fact]
    public async Task ClicksWaitOnDiskWhileTheTransportIsDownAndAllArriveOnceItIsBack()
    {
        _queue.Mode = QueueMode.Fail;
        await _publisher.StartAsync(TestContext.Current.CancellationToken);
        var clicks = Record(900);

        await WaitUntilAsync(() => SpilledEvents().Count == clicks.Count);
        _queue.Mode = QueueMode.Accept;
        await WaitUntilAsync(() => _queue.Published.Count >= clicks.Count && SpilledEvents().Count == 0, seconds: 30);
        await _publisher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Ids(clicks), _queue.Published.Keys.Order());
    }

    [Fact]
    public async Task ClicksThatOverflowTheBufferAreSpilledAndReplayed()
    {
        var clicks = Record(2_500);

        await _publisher.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _queue.Published.Count >= clicks.Count && SpilledEvents().Count == 0, seconds: 30);
        await _publisher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Ids(clicks), _queue.Published.Keys.Order());
    }

    [Fact]
    public async Task StoppingInTheMiddleOfAPublishKeepsEveryClick()
    {
        _queue.Mode = QueueMode.Hang;
        await _publisher.StartAsync(TestContext.Current.CancellationToken);
        var clicks = Record(600);
        await WaitUntilAsync(() => _queue.Attempts > 0);

        await _publisher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Empty(_queue.Published);
        Assert.Equal(Ids(clicks), SpilledEvents().Select(c => c.EventId).Order());
    }

    [Fact]
    public async Task ADamagedSpillLineIsSkippedWithoutStoppingTheReplay()
    {
        var good = new ClickEvent(Guid.CreateVersion7(), "abc123", DateTimeOffset.UtcNow, "203.0.113.7", "ua", null, null);
        _spill.Write([good]);
        var file = Directory.GetFiles(_folder, "*.jsonl").Single();
        await File.AppendAllTextAsync(file, "{\"id\": \"half-writ\n", TestContext.Current.CancellationToken);

        await _publisher.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _queue.Published.ContainsKey(good.EventId));
        await _publisher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Empty(Directory.GetFiles(_folder, "*.jsonl"));
    }

    public void Dispose()
    {
        _publisher.Dispose();
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private List<ClickEvent> Record(int count)
    {
        var clicks = Enumerable.Range(0, count)
            .Select(i => new ClickEvent(Guid.CreateVersion7(), $"code{i % 9}", DateTimeOffset.UtcNow, "203.0.113.9", "ua", null, null))
            .ToList();
        clicks.ForEach(_buffer.Record);
        return clicks;
    }

    private List<ClickEvent> SpilledEvents() =>
        [.. Directory.GetFiles(_folder, "*.jsonl").SelectMany(_spill.Read)];

    private static IOrderedEnumerable<Guid> Ids(IEnumerable<ClickEvent> clicks) => clicks.Select(c => c.EventId).Order();

    private static async Task WaitUntilAsync(Func<bool> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private enum QueueMode
    {
        Accept,
        Fail,
        Hang,
    }

    private sealed class FakeQueue : IClickQueue
    {
        private int _attempts;

        public QueueMode Mode { get; set; } = QueueMode.Accept;

        public ConcurrentDictionary<Guid, ClickEvent> Published { get; } = new();

        public int Attempts => Volatile.Read(ref _attempts);

        public async Task PublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            switch (Mode)
            {
                case QueueMode.Fail:
                    throw new InvalidOperationException("transport down");
                case QueueMode.Hang:
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    finally
                    {
                        // After the first stalled publish the transport is gone for good.
                        Mode = QueueMode.Fail;
                    }

                    break;
                default:
                    foreach (var click in batch)
                    {
                        Published[click.EventId] = click;
                    }

                    break;
            }
        }
    }
}
