using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Tests.Accounts;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Caching;

public sealed class TwoInstanceTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task TenThousandLinksCreatedConcurrentlyByTwoInstancesGetDistinctCodes()
    {
        const int PerInstance = 5_000;
        const int Concurrency = 8;
        var codes = new ConcurrentBag<string>();

        async Task CreateManyAsync(ShortenerApp app, string instance)
        {
            using var client = app.CreateApiClient();
            await Parallel.ForAsync(0, PerInstance, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
                codes.Add(await client.CreateLinkAsync(new { long_url = $"https://example.com/{instance}/{i}" })));
        }

        await Task.WhenAll(CreateManyAsync(fixture.First, "a"), CreateManyAsync(fixture.Second, "b"));

        Assert.Equal(2 * PerInstance, codes.Count);
        Assert.Equal(2 * PerInstance, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Equal(6, code.Length));
        var stored = await fixture.First.WithDbAsync(db => db.Links.Select(l => l.ShortCode).Distinct().CountAsync());
        Assert.True(stored >= 2 * PerInstance);
    }

    [Fact]
    public async Task InvalidatingALinkOnOneInstanceReachesTheOtherWithinOneSecond()
    {
        using var first = fixture.First.CreateApiClient();
        using var second = fixture.Second.CreateApiClient();
        var code = await first.CreateLinkAsync(new { long_url = "https://example.com/before" });
        // The second instance now holds the link in its own memory.
        Assert.Equal("https://example.com/before", (await second.GetAsync($"/{code}", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString);

        // Change the destination behind the caches' back, as an edit will, then invalidate through the first instance.
        await fixture.First.WithDbAsync(db => db.Links.Where(l => l.ShortCode == code)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LongUrl, "https://example.com/after"), TestContext.Current.CancellationToken));
        await fixture.First.Services.GetRequiredService<ILinkCache>().InvalidateAsync(code, TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        string? location;
        do
        {
            location = (await second.GetAsync($"/{code}", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString;
        }
        while (location != "https://example.com/after" && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal("https://example.com/after", location);
    }

    [Fact]
    public async Task ALinkCreatedOnOneInstanceReplacesTheOthersCachedNotFound()
    {
        using var first = fixture.First.CreateApiClient();
        using var second = fixture.Second.CreateApiClient();
        var alias = $"late-{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/{alias}", TestContext.Current.CancellationToken)).StatusCode);

        await first.CreateLinkAsync(new { long_url = "https://example.com/late", custom_alias = alias });

        var deadline = DateTime.UtcNow.AddSeconds(1);
        HttpStatusCode status;
        do
        {
            status = (await second.GetAsync($"/{alias}", TestContext.Current.CancellationToken)).StatusCode;
        }
        while (status != HttpStatusCode.Found && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(HttpStatusCode.Found, status);
    }

    [Fact]
    public async Task DisablingEnablingAndDeletingOnOneInstanceReachTheOtherWithinOneSecond()
    {
        using var first = fixture.First.CreateApiClient();
        using var second = fixture.Second.CreateApiClient();
        var (_, key) = await first.SignUpAsync();
        var code = await first.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/switched-elsewhere" });
        // The second instance now holds the live link in its own memory.
        Assert.Equal(HttpStatusCode.Found, (await second.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.SetActiveAsync(code, isActive: false, key)).Status);
        Assert.Equal(HttpStatusCode.Gone, await WaitForStatusAsync(second, code, HttpStatusCode.Gone));

        Assert.Equal(HttpStatusCode.OK, (await first.SetActiveAsync(code, isActive: true, key)).Status);
        Assert.Equal(HttpStatusCode.Found, await WaitForStatusAsync(second, code, HttpStatusCode.Found));

        Assert.Equal(HttpStatusCode.OK, (await first.DeleteLinkAsync(code, key)).Status);
        Assert.Equal(HttpStatusCode.Gone, await WaitForStatusAsync(second, code, HttpStatusCode.Gone));
    }

    [Fact]
    public async Task TheSameAliasRequestedOnBothInstancesAtOnceIsGivenOnce()
    {
        using var first = fixture.First.CreateApiClient();
        using var second = fixture.Second.CreateApiClient();

        for (var round = 0; round < 10; round++)
        {
            var alias = $"both-{Guid.NewGuid().ToString("N")[..10]}";
            var answers = await Task.WhenAll(
                Task.Run(() => first.ShortenAsync(new { long_url = "https://a.example/", custom_alias = alias })),
                Task.Run(() => second.ShortenAsync(new { long_url = "https://b.example/", custom_alias = alias })));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order().ToArray());
        }
    }

    [Fact]
    public async Task RedisHoldsACachedLinkUnderItsSpecKeyForTwentyFourHours()
    {
        using var client = fixture.First.CreateApiClient();
        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/ttl" });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var key = $"{fixture.RedisPrefix}url:{code}";

        TimeSpan? ttl = null;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (ttl is null && DateTime.UtcNow < deadline && await Delay())
        {
            ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        }

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task ABearerTokenIssuedByOneInstanceIsAcceptedByTheOther()
    {
        using var first = fixture.First.CreateApiClient();
        using var second = fixture.Second.CreateApiClient();
        var email = $"lb-{Guid.NewGuid():N}@example.com";
        const string Password = "correct horse battery staple";
        Assert.Equal(HttpStatusCode.Created, (await first.PostRawAsync("/api/v1/users/register", $"{{\"email\":\"{email}\",\"password\":\"{Password}\"}}")).Status);
        var login = await first.PostRawAsync("/api/v1/users/login", $"{{\"email\":\"{email}\",\"password\":\"{Password}\"}}");
        var token = login.Data.GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/urls");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await second.SendAsync(request, TestContext.Current.CancellationToken);

        // The key ring lives in the database (not on one machine's disk), so any instance can read the token.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await fixture.Second.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()), "The key ring should be stored in the database.");
    }

    /// <summary>Follows the link on <paramref name="client"/> until it answers <paramref name="expected"/> or a second has passed.</summary>
    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient client, string code, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(1);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode;
        }
        while (status != expected && DateTime.UtcNow < deadline && await Delay());

        return status;
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(25, TestContext.Current.CancellationToken);
        return true;
    }
}
