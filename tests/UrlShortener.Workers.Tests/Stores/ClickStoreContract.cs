using System.Diagnostics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Tests.Stores;

/// <summary>
/// What every <see cref="IClickStore"/> must do, run against each database on fresh tables: exact aggregates, and
/// storage exactly once however often (and however concurrently) a batch arrives.
/// </summary>
public abstract class ClickStoreContract : IAsyncLifetime
{
    private static readonly string[] MixedLinks = ["alpha", "beta"];

    protected abstract IClickStore CreateStore();

    /// <summary>Empties every click table and the links, so each test starts from nothing.</summary>
    protected abstract ValueTask ResetAsync();

    protected abstract Task AddLinksAsync(IEnumerable<string> codes);

    protected abstract Task<StoreSnapshot> ReadAsync();

    /// <summary>One text column of one stored event.</summary>
    protected abstract Task<string?> ReadEventColumnAsync(Guid eventId, string column);

    public ValueTask InitializeAsync() => ResetAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CountsAMixedBatchIntoEveryAggregate()
    {
        await AddLinksAsync(MixedLinks);
        var batch = MixedBatch();

        var stored = await CreateStore().StoreAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(batch.Select(c => c.EventId), stored.Select(c => c.EventId));
        StoreSnapshot.AssertEqual(MixedBatchAggregates, await ReadAsync());
    }

    [Fact]
    public async Task ReplayingABatchChangesNothing()
    {
        await AddLinksAsync(MixedLinks);
        var store = CreateStore();
        var batch = MixedBatch();
        await store.StoreAsync(batch, TestContext.Current.CancellationToken);

        var replayed = await store.StoreAsync(batch, TestContext.Current.CancellationToken);

        Assert.Empty(replayed);
        StoreSnapshot.AssertEqual(MixedBatchAggregates, await ReadAsync());
    }

    [Fact]
    public async Task AnOverlappingBatchCountsOnlyItsNewEvents()
    {
        await AddLinksAsync(MixedLinks);
        var store = CreateStore();
        var batch = MixedBatch();
        await store.StoreAsync(batch[..6], TestContext.Current.CancellationToken);

        var stored = await store.StoreAsync(batch[3..], TestContext.Current.CancellationToken);

        Assert.Equal(batch[6..].Select(c => c.EventId), stored.Select(c => c.EventId));
        StoreSnapshot.AssertEqual(MixedBatchAggregates, await ReadAsync());
    }

    [Fact]
    public async Task ADuplicateInsideOneBatchCountsOnce()
    {
        await AddLinksAsync(MixedLinks);
        var batch = MixedBatch();
        // A redelivered event is the same event: same id, same content.
        List<EnrichedClick> withRepeats = [batch[0], .. batch, batch[3], batch[0]];

        var stored = await CreateStore().StoreAsync(withRepeats, TestContext.Current.CancellationToken);

        Assert.Equal(batch.Select(c => c.EventId), stored.Select(c => c.EventId));
        StoreSnapshot.AssertEqual(MixedBatchAggregates, await ReadAsync());
    }

    [Fact]
    public async Task TwoConcurrentOverlappingBatchesGiveExactTotals()
    {
        await AddLinksAsync(Clicks.Links());
        var all = new List<EnrichedClick>();
        var newOnes = 0;
        for (var round = 0; round < 4; round++)
        {
            var clicks = Clicks.Random(3_000, seed: 100 + round, visitors: 150);
            all.AddRange(clicks);
            // Each half shares a third of the events with the other, in a different order.
            var first = clicks[..2_000].OrderBy(c => c.VisitorHash, StringComparer.Ordinal).ToList();
            var second = clicks[1_000..];

            var results = await Task.WhenAll(
                Task.Run(() => CreateStore().StoreAsync(first, TestContext.Current.CancellationToken)),
                Task.Run(() => CreateStore().StoreAsync(second, TestContext.Current.CancellationToken)));

            newOnes += results.Sum(r => r.Count);
            Assert.Equal(3_000, results.SelectMany(r => r).Select(c => c.EventId).Distinct().Count());
        }

        Assert.Equal(12_000, newOnes);
        StoreSnapshot.AssertEqual(Clicks.Expected(all, Clicks.Links()), await ReadAsync());
    }

    [Fact]
    public async Task StoresATenThousandEventBatch()
    {
        await AddLinksAsync(Clicks.Links());
        var clicks = Clicks.Random(10_000, seed: 7);
        var store = CreateStore();
        // Warm-up batches take the connection pool and the JIT past their first-call costs, so that the timing
        // below is the batch itself.
        await store.StoreAsync(Clicks.Random(1_000, seed: 8), TestContext.Current.CancellationToken);
        var thousandStarted = Stopwatch.GetTimestamp();
        await store.StoreAsync(Clicks.Random(1_000, seed: 9), TestContext.Current.CancellationToken);
        var thousandElapsed = Stopwatch.GetElapsedTime(thousandStarted);
        await ResetAsync();
        await AddLinksAsync(Clicks.Links());

        var started = Stopwatch.GetTimestamp();
        var stored = await store.StoreAsync(clicks, TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var replayStarted = Stopwatch.GetTimestamp();
        var replayed = await store.StoreAsync(clicks, TestContext.Current.CancellationToken);
        var replayElapsed = Stopwatch.GetElapsedTime(replayStarted);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{GetType().Name}: 10,000 new events in {elapsed.TotalMilliseconds:F0} ms ({10_000 / elapsed.TotalSeconds:F0} events/s); " +
            $"replayed in {replayElapsed.TotalMilliseconds:F0} ms; a 1,000-event batch took {thousandElapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(10_000, stored.Count);
        Assert.Empty(replayed);
        StoreSnapshot.AssertEqual(Clicks.Expected(clicks, Clicks.Links()), await ReadAsync());
    }

    [Fact]
    public async Task FitsOverlongValuesToTheirColumns()
    {
        await AddLinksAsync(MixedLinks);
        var longHost = new string('r', 250) + ".example";
        // An emoji straddling the cut at 1,024 must not be split in half; NUL is not text for PostgreSQL.
        var userAgent = "Mozilla/5.0\0" + new string('u', 1_012) + "😀" + new string('v', 3_000);
        var click = Clicks.Human("alpha", "2026-03-10T10:00:00Z", "v1", city: new string('c', 200), referrer: longHost) with
        {
            UserAgent = userAgent,
            AcceptLanguage = new string('l', 300),
        };

        await CreateStore().StoreAsync([click], TestContext.Current.CancellationToken);

        var storedAgent = await ReadEventColumnAsync(click.EventId, "user_agent");
        Assert.Equal("Mozilla/5.0" + new string('u', 1_012), storedAgent);
        Assert.Equal(255, (await ReadEventColumnAsync(click.EventId, "referrer_host"))?.Length);
        Assert.Equal(128, (await ReadEventColumnAsync(click.EventId, "city"))?.Length);
        Assert.Equal(256, (await ReadEventColumnAsync(click.EventId, "accept_language"))?.Length);
        var dimensions = (await ReadAsync()).Dimensions;
        Assert.Equal(longHost[..160], Assert.Single(dimensions, d => d.Dimension == "referrer").Value);
        Assert.Equal(new string('c', 128) + ", US", Assert.Single(dimensions, d => d.Dimension == "city").Value);
    }

    [Fact]
    public async Task StoresNothingForAnEmptyBatch()
    {
        var stored = await CreateStore().StoreAsync([], TestContext.Current.CancellationToken);

        Assert.Empty(stored);
        Assert.Equal(0, (await ReadAsync()).RawEvents);
    }

    /// <summary>
    /// Two links over two UTC days: bots, a visitor coming back, missing referrers, unknown places, a click whose
    /// local date is the next day but whose UTC date is not, and a click on a link that no longer exists.
    /// </summary>
    private static List<EnrichedClick> MixedBatch() =>
    [
        Clicks.Human("alpha", "2026-03-10T10:00:00Z", "v1", referrer: "twitter.com"),
        Clicks.Human("alpha", "2026-03-10T11:00:00Z", "v1"),
        Clicks.Human("alpha", "2026-03-10T12:00:00Z", "v2", "DE", "Berlin", "mobile", "Safari", "iOS"),
        Clicks.Bot("alpha", "2026-03-10T13:00:00Z", referrer: "slack.com"),
        Clicks.Human("alpha", "2026-03-11T00:30:00+02:00", "v3", "GB", "London", "desktop", "Firefox", "Linux", "github.com"),
        Clicks.Human("alpha", "2026-03-11T09:00:00Z", "v1"),
        Clicks.Human("beta", "2026-03-11T09:30:00Z", "v1", "unknown", "unknown", "tablet", "Firefox", "Android", "news.ycombinator.com"),
        Clicks.Bot("beta", "2026-03-11T09:31:00Z"),
        Clicks.Human("gamma", "2026-03-10T08:00:00Z", "v9", "FR", "unknown"),
    ];

    // Worked out by hand from MixedBatch, not by the LINQ oracle, so that a mistake shared by both cannot hide.
    private static readonly StoreSnapshot MixedBatchAggregates = StoreSnapshot.Create(
        9,
        [
            new("alpha", "2026-03-10", 5, 4, 3),
            new("alpha", "2026-03-11", 1, 1, 1),
            new("beta", "2026-03-11", 2, 1, 1),
            new("gamma", "2026-03-10", 1, 1, 1),
        ],
        [
            new("alpha", "2026-03-10", "country", "US", 2), new("alpha", "2026-03-10", "country", "DE", 1),
            new("alpha", "2026-03-10", "country", "GB", 1),
            new("alpha", "2026-03-10", "city", "Mountain View, US", 2), new("alpha", "2026-03-10", "city", "Berlin, DE", 1),
            new("alpha", "2026-03-10", "city", "London, GB", 1),
            new("alpha", "2026-03-10", "device", "desktop", 3), new("alpha", "2026-03-10", "device", "mobile", 1),
            new("alpha", "2026-03-10", "browser", "Chrome", 2), new("alpha", "2026-03-10", "browser", "Safari", 1),
            new("alpha", "2026-03-10", "browser", "Firefox", 1),
            new("alpha", "2026-03-10", "os", "Windows", 2), new("alpha", "2026-03-10", "os", "iOS", 1),
            new("alpha", "2026-03-10", "os", "Linux", 1),
            new("alpha", "2026-03-10", "referrer", "twitter.com", 1), new("alpha", "2026-03-10", "referrer", "direct", 2),
            new("alpha", "2026-03-10", "referrer", "github.com", 1),
            new("alpha", "2026-03-11", "country", "US", 1), new("alpha", "2026-03-11", "city", "Mountain View, US", 1),
            new("alpha", "2026-03-11", "device", "desktop", 1), new("alpha", "2026-03-11", "browser", "Chrome", 1),
            new("alpha", "2026-03-11", "os", "Windows", 1), new("alpha", "2026-03-11", "referrer", "direct", 1),
            new("beta", "2026-03-11", "country", "unknown", 1), new("beta", "2026-03-11", "city", "unknown", 1),
            new("beta", "2026-03-11", "device", "tablet", 1), new("beta", "2026-03-11", "browser", "Firefox", 1),
            new("beta", "2026-03-11", "os", "Android", 1), new("beta", "2026-03-11", "referrer", "news.ycombinator.com", 1),
            new("gamma", "2026-03-10", "country", "FR", 1), new("gamma", "2026-03-10", "city", "unknown", 1),
            new("gamma", "2026-03-10", "device", "desktop", 1), new("gamma", "2026-03-10", "browser", "Chrome", 1),
            new("gamma", "2026-03-10", "os", "Windows", 1), new("gamma", "2026-03-10", "referrer", "direct", 1),
        ],
        [new("alpha", 5), new("beta", 1)]);
}
