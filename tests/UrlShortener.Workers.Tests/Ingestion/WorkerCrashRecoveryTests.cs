using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.ClickIngestion.Enrichment;
using UrlShortener.Workers.Infrastructure.Postgres;
using UrlShortener.Workers.Tests.Stores;

namespace UrlShortener.Workers.Tests.Ingestion;

/// <summary>
/// A worker dies after storing a batch but before acknowledging it; a new worker gets the batch again. The
/// transport's redelivery and the store's exactly-once write together must give exact counts: nothing lost,
/// nothing counted twice. Runs the real pieces: transport, enrichment, PostgreSQL store.
/// </summary>
public abstract class WorkerCrashRecoveryTests : IAsyncLifetime
{
    private const int EventCount = 600;
    private readonly PostgresTestDatabase _database = new();
    private ClickEnricher _enricher = null!;
    private PostgresClickStore _store = null!;

    protected abstract IClickQueue Queue { get; }

    protected abstract IClickQueueConsumerFactory Consumers { get; }

    /// <summary>Longest wait for a redelivery (claim idle time, group rebalance).</summary>
    protected abstract TimeSpan RedeliveryTimeout { get; }

    public virtual async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _enricher = new ClickEnricher(new NowhereGeoLocator(), UserAgentClassifier.LoadEmbedded(),
            Options.Create(new EnrichmentOptions()), NullLogger<ClickEnricher>.Instance);
        _store = new PostgresClickStore(_database.DataSource, NullLogger<PostgresClickStore>.Instance);
    }

    public virtual async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AWorkerKilledBetweenStoreAndAcknowledgeLosesNothingAndCountsNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var published = Events(EventCount);
        await Queue.PublishAsync(published, ct);

        // The first worker stores everything it receives, then dies without acknowledging.
        var first = Consumers.Create("doomed");
        var firstBatches = await ReceiveAllAsync(first, EventCount, RedeliveryTimeout);
        var storedByFirst = 0;
        foreach (var batch in firstBatches)
        {
            storedByFirst += (await _store.StoreAsync([.. batch.Events.Select(_enricher.Enrich)], ct)).Count;
        }

        await first.DisposeAsync();
        Assert.Equal(EventCount, storedByFirst);

        // Its replacement gets the same events again, stores (a no-op now) and acknowledges.
        await using var second = Consumers.Create("replacement");
        var redelivered = await ReceiveAllAsync(second, EventCount, RedeliveryTimeout);
        var storedBySecond = 0;
        foreach (var batch in redelivered)
        {
            storedBySecond += (await _store.StoreAsync([.. batch.Events.Select(_enricher.Enrich)], ct)).Count;
            await second.AcknowledgeAsync(batch, ct);
        }

        Assert.Equal(published.Select(e => e.EventId).Order(), redelivered.SelectMany(b => b.Events).Select(e => e.EventId).Distinct().Order());
        Assert.Equal(0, storedBySecond);
        Assert.Equal(EventCount, await _database.ScalarAsync("SELECT count(*) FROM click_events"));
        Assert.Equal(EventCount, await _database.ScalarAsync("SELECT coalesce(sum(clicks), 0) FROM link_daily_stats"));
        Assert.Equal(EventCount, await _database.ScalarAsync("SELECT coalesce(sum(clicks), 0) FROM link_daily_dimensions WHERE dimension = 'device'"));

        // Acknowledged means done: nobody receives these events again.
        await using var third = Consumers.Create("latecomer");
        var again = await third.ReceiveAsync(EventCount, TimeSpan.FromSeconds(1), ct);
        Assert.Empty(again.Events);
    }

    private static List<ClickEvent> Events(int count)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        return [.. Enumerable.Range(0, count).Select(i => new ClickEvent(
            Guid.CreateVersion7(), $"code{i % 7}", start.AddMilliseconds(i), $"203.0.113.{i % 50}",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            i % 3 == 0 ? "https://twitter.com/x" : null, "en-US"))];
    }

    private static async Task<List<ReceivedBatch>> ReceiveAllAsync(IClickQueueConsumer consumer, int count, TimeSpan timeout)
    {
        var batches = new List<ReceivedBatch>();
        var seen = new HashSet<Guid>();
        var deadline = DateTime.UtcNow + timeout;
        while (seen.Count < count && DateTime.UtcNow < deadline)
        {
            var batch = await consumer.ReceiveAsync(250, TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            if (batch.Events.Count > 0)
            {
                batches.Add(batch);
                seen.UnionWith(batch.Events.Select(e => e.EventId));
            }
        }

        Assert.True(seen.Count == count, $"Received {seen.Count} of {count} events within {timeout}.");
        return batches;
    }

    private sealed class NowhereGeoLocator : IGeoLocator
    {
        public GeoLocation Locate(IPAddress? address) => GeoLocation.Unknown;
    }
}
