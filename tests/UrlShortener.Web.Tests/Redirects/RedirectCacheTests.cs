using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Redirects;

/// <summary>What the cache does for the redirect, observed through the metrics it exports.</summary>
public abstract class RedirectCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    private readonly HttpClient _client = fixture.App.CreateApiClient();

    [Fact]
    public async Task AnUnknownCodeReachesTheDatabaseOnlyOnce()
    {
        var code = $"ghost-{Guid.NewGuid().ToString("N")[..8]}";
        using var misses = Collect("urlshortener.link_cache.misses");
        using var hits = Collect("urlshortener.link_cache.hits");
        var queriesBefore = fixture.App.LinkLookups.Count;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(1, fixture.App.LinkLookups.Count - queriesBefore);
        Assert.Equal(1, Sum(misses));
        Assert.Equal(4, Sum(hits));
    }

    [Fact]
    public async Task CreatingAnAliasReplacesItsCachedNotFound()
    {
        var alias = $"soon-{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{alias}", TestContext.Current.CancellationToken)).StatusCode);

        await _client.CreateLinkAsync(new { long_url = "https://example.com/soon", custom_alias = alias });
        var response = await _client.GetAsync($"/{alias}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://example.com/soon", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ConcurrentMissesForOneCodeQueryTheDatabaseOnce()
    {
        var alias = $"herd-{Guid.NewGuid().ToString("N")[..8]}";
        await _client.CreateLinkAsync(new { long_url = "https://example.com/herd", custom_alias = alias });
        // Forget it everywhere, so that the herd below finds every cache level empty.
        await fixture.App.Services.GetRequiredService<ILinkCache>().InvalidateAsync(alias, TestContext.Current.CancellationToken);
        using var misses = Collect("urlshortener.link_cache.misses");
        var queriesBefore = fixture.App.LinkLookups.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => _client.GetAsync($"/{alias}", TestContext.Current.CancellationToken))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Found, r.StatusCode));
        Assert.Equal(1, fixture.App.LinkLookups.Count - queriesBefore);
        Assert.Equal(1, Sum(misses));
    }

    [Fact]
    public async Task RedirectLatencyIsRecordedPerOutcome()
    {
        var code = await _client.CreateLinkAsync(new { long_url = "https://example.com/timed" });
        using var durations = new MetricCollector<double>(
            fixture.App.Services.GetRequiredService<IMeterFactory>(), RedirectMetrics.MeterName, "urlshortener.redirect.duration");

        await _client.GetAsync($"/{code}", TestContext.Current.CancellationToken);
        await _client.GetAsync("/never-made", TestContext.Current.CancellationToken);

        var outcomes = durations.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]).ToList();
        Assert.Contains("redirect", outcomes);
        Assert.Contains("not_found", outcomes);
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 30));
    }

    private MetricCollector<long> Collect(string instrument) =>
        new(fixture.App.Services.GetRequiredService<IMeterFactory>(), RedirectMetrics.MeterName, instrument);

    private static long Sum(MetricCollector<long> collector) => collector.GetMeasurementSnapshot().Sum(m => m.Value);
}

public sealed class RedirectCacheOnSqliteTests(SqliteAppFixture fixture) : RedirectCacheTests<SqliteAppFixture>(fixture);

public sealed class RedirectCacheOnPostgresTests(PostgresRedisAppFixture fixture) : RedirectCacheTests<PostgresRedisAppFixture>(fixture);
