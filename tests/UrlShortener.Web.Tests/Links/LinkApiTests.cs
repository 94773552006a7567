using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Tests.Common;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Links;

/// <summary>The public API of spec §3.1-3.3, run once on SQLite and once on PostgreSQL + Redis.</summary>
public abstract class LinkApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    protected ShortenerApp App => fixture.App;

    protected HttpClient Client { get; } = fixture.App.CreateApiClient();

    public static string UniqueAlias(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task CreatesALinkWithAGeneratedSixCharacterCode()
    {
        var answer = await Client.ShortenAsync(new { long_url = "https://www.example.com/very/long/url/here?x=1#top" });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(answer.Root.GetProperty("success").GetBoolean());
        var data = answer.Data;
        var code = data.GetProperty("short_code").GetString()!;
        Assert.Matches("^[0-9a-zA-Z]{6}$", code);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", data.GetProperty("short_url").GetString());
        Assert.Equal("https://www.example.com/very/long/url/here?x=1#top", data.GetProperty("long_url").GetString());
        var created = ParseInstant(data.GetProperty("created_at"));
        var expires = ParseInstant(data.GetProperty("expires_at"));
        Assert.InRange(created, App.Time.GetUtcNow().AddMinutes(-1), App.Time.GetUtcNow().AddMinutes(1));
        Assert.Equal(created.AddYears(10), expires);
        Assert.Equal(302, data.GetProperty("redirect_type").GetInt32());
        Assert.Equal($"/api/v1/urls/{code}", answer.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ConsecutiveLinksGetUnrelatedCodes()
    {
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await Client.CreateLinkAsync(new { long_url = $"https://example.com/page/{i}" }));
        }

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Sequential counters would give codes sharing a long common prefix; permuted ids do not.
        Assert.Contains(codes.Zip(codes.Skip(1)), pair => pair.First[..3] != pair.Second[..3]);
    }

    [Fact]
    public async Task AGeneratedCodeThatMeetsAnExistingAliasIsSkipped()
    {
        var encoder = App.Services.GetRequiredService<ShortCodeEncoder>();
        long id;
        do
        {
            // Stay clear of a block boundary, where the next id would come from a fresh block.
            Assert.True(encoder.TryDecode(await Client.CreateLinkAsync(new { long_url = "https://example.com/probe" }), out id));
        }
        while (id % 1000 >= 990);

        var squatted = encoder.Encode(id + 1);
        await Client.CreateLinkAsync(new { long_url = "https://example.com/squatter", custom_alias = squatted });
        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/next" });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(encoder.Encode(id + 2), answer.Data.GetProperty("short_code").GetString());
        var squatter = await Client.GetAsync($"/{squatted}", TestContext.Current.CancellationToken);
        Assert.Equal("https://example.com/squatter", squatter.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task RedirectsWithTheSpecHeaders()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://www.example.com/landing?utm=1" });

        var response = await Client.GetAsync($"/{code}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://www.example.com/landing?utm=1", response.Headers.Location?.OriginalString);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.NoCache && cacheControl.NoStore && cacheControl.MustRevalidate, cacheControl.ToString());
    }

    [Fact]
    public async Task RedirectsPermanentlyWhenTheLinkAsksFor301()
    {
        var alias = UniqueAlias("perm");
        var answer = await Client.ShortenAsync(new { long_url = "https://example.org/", custom_alias = alias, redirect_type = 301 });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(alias, answer.Data.GetProperty("short_code").GetString());

        var response = await Client.GetAsync($"/{alias}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://example.org/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnswersHeadRequestsLikeGet()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.net/head" });

        using var request = new HttpRequestMessage(HttpMethod.Head, $"/{code}");
        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://example.net/head", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/zzzzzz")]
    [InlineData("/no-such-alias")]
    [InlineData("/a")]
    [InlineData("/%E2%80%AEevil")]
    [InlineData("/this-is-far-too-long-to-be-a-code")]
    public async Task UnknownCodesGetTheBrandedNotFoundPage(string path)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("URL Not Found", html, StringComparison.Ordinal);
        Assert.Contains("Shortly", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredLinksAnswerGoneAndReportInactive()
    {
        var code = await Client.CreateLinkAsync(new
        {
            long_url = "https://example.com/flash-sale",
            expires_at = App.Time.GetUtcNow().AddHours(1).ToString("O", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Found, (await Client.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode);

        App.Time.Advance(TimeSpan.FromHours(2));
        HttpResponseMessage response;
        ApiAnswer info;
        try
        {
            response = await Client.GetAsync($"/{code}", TestContext.Current.CancellationToken);
            info = await Client.GetJsonAsync($"/api/v1/urls/{code}");
        }
        finally
        {
            // The app (and its clock) is shared by the class: put time back for the other tests.
            App.Time.Advance(TimeSpan.FromHours(-2));
        }

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(info.Data.GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task KeepsTheRequestedExpiry()
    {
        var expiry = new DateTimeOffset(2031, 1, 8, 0, 0, 0, TimeSpan.Zero);

        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/event", expires_at = "2031-01-08T00:00:00Z" });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("2031-01-08T00:00:00Z", answer.Data.GetProperty("expires_at").GetString());
        Assert.Equal(expiry, ParseInstant(answer.Data.GetProperty("expires_at")));
    }

    [Theory]
    [InlineData("2001-01-01T00:00:00Z", "INVALID_EXPIRY")]
    [InlineData("not a date", "INVALID_EXPIRY")]
    [InlineData("2999-01-01T00:00:00Z", "INVALID_EXPIRY")]
    public async Task RefusesUnusableExpiries(string expiresAt, string code)
    {
        var before = await App.CountLinksAsync();

        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/", expires_at = expiresAt });

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(307)]
    [InlineData(0)]
    public async Task RefusesRedirectTypesOtherThan301And302(int redirectType)
    {
        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/", redirect_type = redirectType });

        answer.ShouldBeError(HttpStatusCode.BadRequest, "INVALID_REDIRECT_TYPE");
    }

    [Fact]
    public async Task RefusesATakenAliasWithConflict()
    {
        var alias = UniqueAlias("taken");
        await Client.CreateLinkAsync(new { long_url = "https://example.com/first", custom_alias = alias });
        var before = await App.CountLinksAsync();

        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/second", custom_alias = alias });

        answer.ShouldBeError(HttpStatusCode.Conflict, "ALIAS_TAKEN");
        Assert.Equal($"Custom alias '{alias}' is already taken", answer.ErrorMessage);
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Fact]
    public async Task ReportsAliasAvailabilityBeforeAndAfterUse()
    {
        var alias = UniqueAlias("avail");

        var before = await Client.GetJsonAsync($"/api/v1/available/{alias}");
        await Client.CreateLinkAsync(new { long_url = "https://example.com/", custom_alias = alias });
        var after = await Client.GetJsonAsync($"/api/v1/available/{alias}");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(alias, before.Data.GetProperty("alias").GetString());
        Assert.True(before.Data.GetProperty("available").GetBoolean());
        Assert.False(after.Data.GetProperty("available").GetBoolean());
    }

    [Theory]
    [InlineData("admin", "RESERVED_ALIAS")]
    [InlineData("HealthZ", "RESERVED_ALIAS")]
    [InlineData("ab", "INVALID_ALIAS")]
    [InlineData("-lead", "INVALID_ALIAS")]
    [InlineData("dot.ted", "INVALID_ALIAS")]
    public async Task AvailabilityRefusesAliasesThatCanNeverBeUsed(string alias, string code)
    {
        var answer = await Client.GetJsonAsync($"/api/v1/available/{Uri.EscapeDataString(alias)}");

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task DescribesALink()
    {
        var alias = UniqueAlias("info");
        await Client.CreateLinkAsync(new { long_url = "https://example.com/info", custom_alias = alias });

        var answer = await Client.GetJsonAsync($"/api/v1/urls/{alias}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var data = answer.Data;
        Assert.Equal(alias, data.GetProperty("short_code").GetString());
        Assert.Equal("https://example.com/info", data.GetProperty("long_url").GetString());
        Assert.Equal(0, data.GetProperty("total_clicks").GetInt64());
        Assert.True(data.GetProperty("is_active").GetBoolean());
        Assert.Equal(JsonValueKind.String, data.GetProperty("created_at").ValueKind);
        Assert.Equal(JsonValueKind.String, data.GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task DescribingAnUnknownCodeIsNotFound()
    {
        var answer = await Client.GetJsonAsync("/api/v1/urls/nothing-here");

        answer.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task NonAsciiDestinationsRedirectWithAnAsciiLocation()
    {
        var answer = await Client.ShortenAsync(new { long_url = "https://bücher.example/straße?q=日本#teil" });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var code = answer.Data.GetProperty("short_code").GetString();

        var response = await Client.GetAsync($"/{code}", TestContext.Current.CancellationToken);

        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("https://xn--bcher-kva.example/stra%C3%9Fe?q=%E6%97%A5%E6%9C%AC#teil", location);
        Assert.All(location, c => Assert.InRange(c, '!', '~'));
    }

    [Theory]
    [InlineData("{\"long_url\": ", "INVALID_JSON")]
    [InlineData("", "INVALID_JSON")]
    [InlineData("[1,2,3]", "VALIDATION_FAILED")]
    [InlineData("null", "VALIDATION_FAILED")]
    [InlineData("{\"long_url\": 42}", "VALIDATION_FAILED")]
    [InlineData("{\"long_url\": \"https://example.com/\", \"redirect_type\": \"fast\"}", "VALIDATION_FAILED")]
    [InlineData("{\"long_url\": \"https://a.example/\", \"long_url\": \"https://b.example/\"}", "VALIDATION_FAILED")]
    [InlineData("{}", "VALIDATION_FAILED")]
    [InlineData("{\"long_url\": \"\"}", "VALIDATION_FAILED")]
    [InlineData("{\"long_url\": \"https://example.com/\", \"expires_at\": 12}", "INVALID_EXPIRY")]
    public async Task MalformedBodiesGetAClearError(string body, string code)
    {
        var before = await App.CountLinksAsync();

        var answer = await Client.PostRawAsync("/api/v1/shorten", body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Fact]
    public async Task RefusesBodiesThatAreNotJson()
    {
        var answer = await Client.PostRawAsync("/api/v1/shorten", "long_url=https://example.com/", "application/x-www-form-urlencoded");

        answer.ShouldBeError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task RefusesOversizedBodies()
    {
        var before = await App.CountLinksAsync();
        var huge = $"{{\"long_url\": \"https://example.com/\", \"padding\": \"{new string('x', 64 * 1024)}\"}}";

        var declared = await Client.PostRawAsync("/api/v1/shorten", huge);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shorten")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await ApiAnswer.ReadAsync(await Client.SendAsync(chunked, TestContext.Current.CancellationToken));

        declared.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        streamed.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Theory]
    [MemberData(nameof(HostileCorpus.Urls), MemberType = typeof(HostileCorpus))]
    public async Task HostileDestinationsAreRefusedAndNothingIsStored(string longUrl, string code)
    {
        var before = await App.CountLinksAsync();

        var answer = await Client.ShortenAsync(new { long_url = longUrl });

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Theory]
    [MemberData(nameof(HostileCorpus.Aliases), MemberType = typeof(HostileCorpus))]
    public async Task HostileAliasesAreRefusedAndNothingIsStored(string alias, string code)
    {
        var before = await App.CountLinksAsync();

        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/", custom_alias = alias });

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await App.CountLinksAsync());
    }

    [Fact]
    public async Task UnknownApiRoutesAndMethodsAnswerInTheEnvelope()
    {
        var unknown = await Client.GetJsonAsync("/api/v1/nothing/here");
        // DELETE rather than GET: in a development build the static-asset fallback route claims every GET.
        var wrongMethod = await ApiAnswer.ReadAsync(await Client.DeleteAsync("/api/v1/shorten", TestContext.Current.CancellationToken));

        unknown.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        wrongMethod.ShouldBeError(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task HealthzAnswersOnceTheDatabaseIsReachable()
    {
        var response = await Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static DateTimeOffset ParseInstant(JsonElement value)
    {
        var text = value.GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}

public sealed class LinkApiOnSqliteTests(SqliteAppFixture fixture) : LinkApiTests<SqliteAppFixture>(fixture);

public sealed class LinkApiOnPostgresTests(PostgresRedisAppFixture fixture) : LinkApiTests<PostgresRedisAppFixture>(fixture);
