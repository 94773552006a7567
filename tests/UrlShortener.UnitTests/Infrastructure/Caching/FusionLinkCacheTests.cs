using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Infrastructure.Caching;

namespace UrlShortener.UnitTests.Infrastructure.Caching;

/// <summary>The link cache as the app composes it (no Redis here), over a database the test controls.</summary>
public sealed class FusionLinkCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedLookup _database = new();
    private readonly IHost _host;
    private readonly ILinkCache _cache;

    public FusionLinkCacheTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RedirectMetrics>();
        builder.Services.AddLogging();
        builder.AddLinkCache(withRedis: false);
        builder.Services.AddSingleton<ILinkLookup>(_database);
        _host = builder.Build();
        _cache = _host.Services.GetRequiredService<ILinkCache>();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ALinkIsReadFromTheDatabaseOnceThenFromMemory()
    {
        _database.Answer = new CachedLink("https://example.com/a", null, 302);

        var first = await _cache.GetAsync("aZ3kQ9", Token);
        var second = await _cache.GetAsync("aZ3kQ9", Token);

        Assert.Equal("https://example.com/a", first.LongUrl);
        Assert.Same(first, second);
        Assert.Equal(1, _database.Calls);
    }

    [Fact]
    public async Task ConcurrentMissesShareOneDatabaseQuery()
    {
        _database.Answer = new CachedLink("https://example.com/a", null, 302);
        _database.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 50).Select(_ => _cache.GetAsync("aZ3kQ9", Token).AsTask()).ToList();
        _database.Gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal("https://example.com/a", a.LongUrl));
        Assert.Equal(1, _database.Calls);
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownAKnownLinkKeepsRedirectingFromItsLastValue()
    {
        _database.Answer = new CachedLink("https://example.com/a", null, 302);
        await _cache.GetAsync("aZ3kQ9", Token);

        // A day later the cached copy is stale and the database fails.
        _time.Advance(TimeSpan.FromHours(25));
        _database.Failure = new InvalidOperationException("database unreachable");

        var answer = await _cache.GetAsync("aZ3kQ9", Token);

        Assert.Equal("https://example.com/a", answer.LongUrl);
        Assert.Equal(2, _database.Calls);

        // Within the throttle the stale copy is served without asking again; after it the database is tried again.
        await _cache.GetAsync("aZ3kQ9", Token);
        Assert.Equal(2, _database.Calls);
        _time.Advance(TimeSpan.FromMinutes(1));
        _database.Failure = null;
        _database.Answer = new CachedLink("https://example.com/b", null, 302);
        Assert.Equal("https://example.com/b", (await _cache.GetAsync("aZ3kQ9", Token)).LongUrl);
    }

    [Fact]
    public async Task AnUnknownCodeIsRememberedBrieflyAndASetReplacesIt()
    {
        _database.Answer = CachedLink.Missing;
        Assert.False((await _cache.GetAsync("alias1", Token)).Exists);
        Assert.False((await _cache.GetAsync("alias1", Token)).Exists);
        Assert.Equal(1, _database.Calls);

        await _cache.SetAsync("alias1", new CachedLink("https://example.com/new", null, 302), Token);

        Assert.Equal("https://example.com/new", (await _cache.GetAsync("alias1", Token)).LongUrl);
        Assert.Equal(1, _database.Calls);
    }

    [Fact]
    public async Task InvalidateMakesTheNextRequestReload()
    {
        _database.Answer = new CachedLink("https://example.com/a", null, 302);
        await _cache.GetAsync("aZ3kQ9", Token);
        _database.Answer = new CachedLink("https://example.com/a", null, 302, Withdrawn: true);

        await _cache.InvalidateAsync("aZ3kQ9", Token);

        Assert.True((await _cache.GetAsync("aZ3kQ9", Token)).Withdrawn);
        Assert.Equal(2, _database.Calls);
    }

    [Fact]
    public async Task ALoadOvertakenByAChangeIsNotKept()
    {
        _database.Answer = new CachedLink("https://example.com/before", null, 302);
        _database.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = _cache.GetAsync("aZ3kQ9", Token).AsTask();

        // The link changes while the load still holds the old answer.
        _database.Answer = new CachedLink("https://example.com/after", null, 302);
        await _cache.InvalidateAsync("aZ3kQ9", Token);
        _database.Gate.SetResult();

        Assert.Equal("https://example.com/before", (await inFlight).LongUrl);
        Assert.Equal("https://example.com/after", (await _cache.GetAsync("aZ3kQ9", Token)).LongUrl);
        Assert.Equal(2, _database.Calls);
    }

    private sealed class ScriptedLookup : ILinkLookup
    {
        private int _calls;

        public CachedLink Answer { get; set; } = CachedLink.Missing;

        public Exception? Failure { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public async Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            // What the database held when the query ran, however long the answer then takes to arrive.
            var answer = Answer;
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return Failure is { } failure ? throw failure : answer;
        }
    }
}
