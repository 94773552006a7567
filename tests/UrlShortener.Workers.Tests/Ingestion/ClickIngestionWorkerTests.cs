using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.ClickIngestion.Enrichment;
using UrlShortener.Workers.Infrastructure.InProcess;

namespace UrlShortener.Workers.Tests.Ingestion;

/// <summary>The worker loop itself: store before acknowledge, retry in place, and empty the queue when stopping.</summary>
public sealed class ClickIngestionWorkerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ChannelClickQueue _queue = new(100_000, TimeProvider.System);
    private readonly RecordingStore _store = new();

    [Fact]
    public async Task AStoppingWorkerEmptiesTheInProcessQueueBeforeItEnds()
    {
        var clicks = Events(3_000);
        await _queue.PublishAsync(clicks, TestContext.Current.CancellationToken);
        using var worker = CreateWorker();

        await worker.StartAsync(TestContext.Current.CancellationToken);
        // Stop as soon as the worker is under way (a host that stops before ExecuteAsync runs never starts it).
        var started = DateTime.UtcNow;
        while (_store.Stored.IsEmpty)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "The worker never stored anything.");
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        var storedWhenStopped = _store.Stored.Count;
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(storedWhenStopped < clicks.Count, "The queue should still have held clicks when the stop came.");
        Assert.Equal(clicks.Select(c => c.EventId).Order(), _store.Stored.Keys.Order());
    }

    [Fact]
    public async Task AFailingStoreIsRetriedUntilTheBatchIsStoredAndNoBatchIsSkipped()
    {
        _store.FailuresToCome = 3;
        var clicks = Events(1_000);
        await _queue.PublishAsync(clicks, TestContext.Current.CancellationToken);
        using var worker = CreateWorker();

        await worker.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_store.Stored.Count < clicks.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, _store.FailuresToCome);
        Assert.Equal(clicks.Select(c => c.EventId).Order(), _store.Stored.Keys.Order());
    }

    public void Dispose() => _services.Dispose();

    private ClickIngestionWorker CreateWorker()
    {
        var enricher = new ClickEnricher(new NowhereGeoLocator(), UserAgentClassifier.LoadEmbedded(),
            Options.Create(new EnrichmentOptions()), NullLogger<ClickEnricher>.Instance);
        return new ClickIngestionWorker(
            _queue,
            new Lazy<ClickEnricher>(enricher),
            _store,
            new NoLiveClickCounter(),
            new IngestionMetrics(_services.GetRequiredService<IMeterFactory>()),
            TimeProvider.System,
            Options.Create(new WorkersOptions { BatchSize = 100, BatchWait = TimeSpan.FromMilliseconds(100), ShutdownGrace = TimeSpan.FromSeconds(20) }),
            NullLogger<ClickIngestionWorker>.Instance);
    }

    private static List<ClickEvent> Events(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ClickEvent(Guid.CreateVersion7(), $"code{i % 5}", DateTimeOffset.UtcNow, "203.0.113.1", "curl/8.5.0", null, null))];

    private sealed class RecordingStore : IClickStore
    {
        private int _failuresToCome;

        public ConcurrentDictionary<Guid, EnrichedClick> Stored { get; } = new();

        public int FailuresToCome
        {
            get => Volatile.Read(ref _failuresToCome);
            set => Volatile.Write(ref _failuresToCome, value);
        }

        public async Task<IReadOnlyList<EnrichedClick>> StoreAsync(IReadOnlyList<EnrichedClick> clicks, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            if (Interlocked.Decrement(ref _failuresToCome) >= 0)
            {
                throw new InvalidOperationException("database unavailable");
            }

            Interlocked.Exchange(ref _failuresToCome, 0);
            return [.. clicks.Where(c => Stored.TryAdd(c.EventId, c))];
        }
    }

    private sealed class NowhereGeoLocator : IGeoLocator
    {
        public GeoLocation Locate(IPAddress? address) => GeoLocation.Unknown;
    }
}
