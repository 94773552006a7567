using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Caching;

/// <summary>Redis is a cache, not a dependency: losing it must not cost a single redirect or link creation.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisServerProcess _redis = new();
    private readonly string _prefix = $"outage-{Guid.NewGuid():N}:";
    private PostgresDatabase _database = null!;
    private ShortenerApp _app = null!;
    private ShortenerApp _peer = null!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        _database = await PostgresDatabase.CreateAsync();
        _app = new ShortenerApp(PostgresRedisAppFixture.Settings(_database.ConnectionString, _redis.Endpoint, _prefix));
        _peer = new ShortenerApp(PostgresRedisAppFixture.Settings(_database.ConnectionString, _redis.Endpoint, _prefix));
        _ = _app.Server;
        _ = _peer.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _peer.DisposeAsync();
        await _database.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task RedirectsAndCreationSurviveARedisOutageAndTheCacheRecovers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateApiClient();
        var before = await client.CreateLinkAsync(new { long_url = "https://example.com/before-outage" });
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/{before}", ct)).StatusCode);
        Assert.True(await InRedisWithinAsync(before, TimeSpan.FromSeconds(5)), "The link should reach the L2 cache while Redis is up.");

        await _redis.StopAsync();

        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/{before}", ct)).StatusCode);
        // Forget it locally too: with L1 empty and L2 unreachable, the answer must come from PostgreSQL.
        await _app.Services.GetRequiredService<ILinkCache>().InvalidateAsync(before, ct);
        var lookups = _app.LinkLookups.Count;
        var fromDatabase = await client.GetAsync($"/{before}", ct);
        Assert.Equal(HttpStatusCode.Found, fromDatabase.StatusCode);
        Assert.Equal("https://example.com/before-outage", fromDatabase.Headers.Location?.OriginalString);
        Assert.Equal(lookups + 1, _app.LinkLookups.Count);
        var during = await client.CreateLinkAsync(new { long_url = "https://example.com/during-outage" });
        var duringRedirect = await client.GetAsync($"/{during}", ct);
        Assert.Equal(HttpStatusCode.Found, duringRedirect.StatusCode);
        Assert.Equal("https://example.com/during-outage", duringRedirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gone-missing", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", ct)).StatusCode);

        await _redis.StartAsync();

        // Once the circuit breaker closes and the connection is back, new entries land in Redis again.
        var recovered = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!recovered && DateTime.UtcNow < deadline)
        {
            var after = await client.CreateLinkAsync(new { long_url = "https://example.com/after-outage" });
            Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/{after}", ct)).StatusCode);
            recovered = await InRedisWithinAsync(after, TimeSpan.FromSeconds(1));
        }

        Assert.True(recovered, "The cache should write to Redis again within 30 s of Redis coming back.");

        // The backplane is back too: an invalidation on one instance reaches the other's memory.
        using var peer = _peer.CreateApiClient();
        var shared = await client.CreateLinkAsync(new { long_url = "https://example.com/v1" });
        Assert.Equal("https://example.com/v1", (await peer.GetAsync($"/{shared}", ct)).Headers.Location?.OriginalString);
        await _app.WithDbAsync(db => db.Links.Where(l => l.ShortCode == shared)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LongUrl, "https://example.com/v2"), ct));
        await _app.Services.GetRequiredService<ILinkCache>().InvalidateAsync(shared, ct);
        string? location = null;
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (location != "https://example.com/v2" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
            location = (await peer.GetAsync($"/{shared}", ct)).Headers.Location?.OriginalString;
        }

        Assert.Equal("https://example.com/v2", location);
    }

    [Fact]
    public async Task TheAppStartsAndServesWhileRedisIsDown()
    {
        await _redis.StopAsync();
        var database = await PostgresDatabase.CreateAsync();
        await using var _ = database;
        await using var app = new ShortenerApp(PostgresRedisAppFixture.Settings(database.ConnectionString, _redis.Endpoint, _prefix));
        using var client = app.CreateApiClient();

        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/cold-start" });
        var response = await client.GetAsync($"/{code}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://example.com/cold-start", response.Headers.Location?.OriginalString);
    }

    private async Task<bool> InRedisWithinAsync(string code, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var redis = await _redis.ConnectAsync();
        do
        {
            if (await redis.GetDatabase().KeyExistsAsync($"{_prefix}url:{code}"))
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        return false;
    }
}
