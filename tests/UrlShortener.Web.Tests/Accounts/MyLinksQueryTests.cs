using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Accounts;

/// <summary><c>GET /api/v1/users/me/urls</c> with <c>q</c>, <c>sort</c> and <c>order</c>, on SQLite and on PostgreSQL.</summary>
public abstract class MyLinksQueryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    protected ShortenerApp App => fixture.App;

    protected HttpClient Client { get; } = fixture.App.CreateApiClient();

    [Theory]
    [InlineData("created_at", "desc", "DCBA")]
    [InlineData("created_at", "asc", "ABCD")]
    [InlineData("clicks", "desc", "CABD")] // A and C tie on 5 clicks: the id breaks it, in the same direction
    [InlineData("clicks", "asc", "DBAC")]
    [InlineData("short_code", "asc", "ABCD")]
    [InlineData("short_code", "desc", "DCBA")]
    [InlineData("long_url", "asc", "BDCA")]
    [InlineData("long_url", "desc", "ACDB")]
    [InlineData("expires_at", "asc", "CDAB")] // B never expires: last going up
    [InlineData("expires_at", "desc", "BADC")]
    [InlineData("CLICKS", "DESC", "CABD")]
    public async Task SortsByEveryColumnInBothDirections(string sort, string order, string expected)
    {
        var (key, codes) = await CreateFourLinksAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?sort={sort}&order={order}", apiKey: key);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected.Select(letter => codes[letter]), ShortCodes(answer));
    }

    [Fact]
    public async Task SortsNewestFirstWhenNothingIsAsked()
    {
        var (key, codes) = await CreateFourLinksAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);
        var orderOnly = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?order=asc", apiKey: key);

        Assert.Equal("DCBA".Select(letter => codes[letter]), ShortCodes(answer));
        Assert.Equal("ABCD".Select(letter => codes[letter]), ShortCodes(orderOnly));
    }

    [Fact]
    public async Task PagesOfASortedSearchAddUpToItsTotal()
    {
        var (key, codes) = await CreateFourLinksAsync();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?q=EXAMPLE.com&sort=clicks&order=desc&limit=3&page={page}", apiKey: key);
            var pagination = answer.Data.GetProperty("pagination");
            Assert.Equal((page, 3, 4L), (pagination.GetProperty("page").GetInt32(), pagination.GetProperty("limit").GetInt32(), pagination.GetProperty("total").GetInt64()));
            pages.AddRange(ShortCodes(answer));
        }

        Assert.Equal("CABD".Select(letter => codes[letter]), pages);
    }

    [Theory]
    [InlineData("alpha", "B")]
    [InlineData("ALPHA", "B")]
    [InlineData("bbb-", "B")]
    [InlineData("BBB-", "B")]
    [InlineData("  gamma  ", "C")]
    [InlineData("/", "ABCD")]
    [InlineData("", "ABCD")]
    [InlineData("nothing-like-this", "")]
    public async Task SearchesCodesAndDestinationsIgnoringCase(string q, string expected)
    {
        var (key, codes) = await CreateFourLinksAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?sort=short_code&order=asc&q={Uri.EscapeDataString(q)}", apiKey: key);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected.Select(letter => codes[letter]), ShortCodes(answer));
        Assert.Equal(expected.Length, answer.Data.GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("%", "https://example.com/sale?off=50%25")]
    [InlineData("50%2", "https://example.com/sale?off=50%25")]
    [InlineData("_", "https://example.com/snake_case")]
    [InlineData("e_c", "https://example.com/snake_case")]
    [InlineData("\\", null)]
    [InlineData("[a-z]", null)]
    public async Task SearchTakesLikeWildcardsLiterally(string q, string? onlyMatch)
    {
        var (_, key) = await Client.SignUpAsync();
        foreach (var url in new[] { "https://example.com/sale?off=50%25", "https://example.com/snake_case", "https://example.com/plain", "https://example.com/a" })
        {
            await Client.CreateOwnedLinkAsync(key, new { long_url = url });
        }

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?q={Uri.EscapeDataString(q)}", apiKey: key);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(onlyMatch is null ? [] : [onlyMatch], answer.Data.GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("long_url").GetString()));
    }

    [Fact]
    public async Task RowsCarryTheSpecFieldsThenShortUrlExpiryAndStatus()
    {
        var (_, key) = await Client.SignUpAsync();
        var active = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/active", expires_at = "2031-01-08T00:00:00Z" });
        var disabled = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/disabled" });
        var deleted = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/deleted" });
        var expiring = await Client.CreateOwnedLinkAsync(key, new
        {
            long_url = "https://example.com/expiring",
            expires_at = App.Time.GetUtcNow().AddHours(1).ToString("O", CultureInfo.InvariantCulture),
        });
        await Client.SetActiveAsync(disabled, isActive: false, key);
        await Client.DeleteLinkAsync(deleted, key);

        App.Time.Advance(TimeSpan.FromHours(2));
        ApiAnswer answer;
        try
        {
            answer = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?sort=short_code&order=asc", apiKey: key);
        }
        finally
        {
            // The app (and its clock) is shared by the class: put time back for the other tests.
            App.Time.Advance(TimeSpan.FromHours(-2));
        }

        var rows = answer.Data.GetProperty("urls").EnumerateArray().ToDictionary(r => r.GetProperty("short_code").GetString()!);
        Assert.Equal(3, answer.Data.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.DoesNotContain(deleted, rows.Keys);
        Assert.All(rows.Values, row => Assert.Equal(
            ["short_code", "long_url", "clicks", "created_at", "short_url", "expires_at", "status"], row.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("active", rows[active].GetProperty("status").GetString());
        Assert.Equal("2031-01-08T00:00:00Z", rows[active].GetProperty("expires_at").GetString());
        Assert.Equal($"{ShortenerApp.BaseUrl}/{active}", rows[active].GetProperty("short_url").GetString());
        Assert.Equal("disabled", rows[disabled].GetProperty("status").GetString());
        Assert.Equal("expired", rows[expiring].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("sort=popularity")]
    [InlineData("sort=id")]
    [InlineData("sort=created_at%20desc")]
    [InlineData("sort=created_at&sort=clicks")]
    public async Task AnUnknownSortIsRefusedWithTheAllowedValues(string query)
    {
        var (_, key) = await Client.SignUpAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?{query}", apiKey: key);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.All(MyLinksSort.All, allowed => Assert.Contains(allowed, answer.ErrorMessage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("order=up")]
    [InlineData("order=descending")]
    [InlineData("order=1")]
    public async Task AnUnknownOrderIsRefused(string query)
    {
        var (_, key) = await Client.SignUpAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?{query}", apiKey: key);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("asc", answer.ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// Four links of a fresh account, each first in a different column:
    /// A aaa-…, /zeta, 5 clicks, expires in 3 days; B bbb-…, /alpha, 1 click, never expires;
    /// C ccc-…, /gamma, 5 clicks, expires in 1 day; D ddd-…, /beta, no clicks, expires in 2 days. Created A, B, C, D.
    /// </summary>
    private async Task<(string Key, Dictionary<char, string> Codes)> CreateFourLinksAsync()
    {
        var (_, key) = await Client.SignUpAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var now = App.Time.GetUtcNow();
        var links = new (char Letter, string Path, long Clicks, DateTimeOffset? Expires)[]
        {
            ('A', "zeta", 5, now.AddDays(3)),
            ('B', "alpha", 1, null),
            ('C', "gamma", 5, now.AddDays(1)),
            ('D', "beta", 0, now.AddDays(2)),
        };

        var codes = new Dictionary<char, string>();
        foreach (var (letter, path, clicks, expires) in links)
        {
            var alias = $"{new string(char.ToLowerInvariant(letter), 3)}-{suffix}";
            codes[letter] = await Client.CreateOwnedLinkAsync(key, new { long_url = $"https://example.com/{path}", custom_alias = alias });
            // Clicks are counted by the workers and "never expires" needs Links:DefaultExpiryYears = 0: set both directly.
            await App.WithDbAsync(db => db.Links.Where(l => l.ShortCode == alias).ExecuteUpdateAsync(
                s => s.SetProperty(l => l.ClickCount, clicks).SetProperty(l => l.ExpiresAt, expires), TestContext.Current.CancellationToken));
            // Created one after another in distinct seconds, as timestamps are stored to the second.
            App.Time.Advance(TimeSpan.FromSeconds(2));
        }

        return (key, codes);
    }

    private static string[] ShortCodes(ApiAnswer answer) =>
        [.. answer.Data.GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("short_code").GetString()!)];
}

public sealed class MyLinksQueryOnSqliteTests(SqliteAppFixture fixture) : MyLinksQueryTests<SqliteAppFixture>(fixture);

public sealed class MyLinksQueryOnPostgresTests(PostgresRedisAppFixture fixture) : MyLinksQueryTests<PostgresRedisAppFixture>(fixture);
