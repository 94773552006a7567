using System.Net;
using UrlShortener.Web.Tests.Accounts;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.QrCodes;

/// <summary>The QR endpoint's contract: refused options, ETag and cache headers, ownership, downloads.</summary>
public sealed class QrCodeApiTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private HttpClient Client { get; } = fixture.App.CreateApiClient();

    [Theory]
    [InlineData("format=gif", "format")]
    [InlineData("format=", "format")]
    [InlineData("format=png&format=svg", "format")]
    [InlineData("size=abc", "size")]
    [InlineData("size=", "size")]
    [InlineData("size=63", "size")]
    [InlineData("size=2049", "size")]
    [InlineData("size=-1", "size")]
    [InlineData("size=300.5", "size")]
    [InlineData("size=99999999999999999999", "size")]
    [InlineData("fg=black", "fg")]
    [InlineData("fg=%23fff", "fg")]
    [InlineData("fg=", "fg")]
    [InlineData("bg=12345G", "bg")]
    [InlineData("bg=%23%23FFFFFF", "bg")]
    [InlineData("ecc=X", "ecc")]
    [InlineData("ecc=", "ecc")]
    [InlineData("download=yes", "download")]
    public async Task EveryBadParameterIsRefusedInTheEnvelopeNamingIt(string query, string named)
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/bad" });

        var answer = await Client.GetJsonAsync($"/api/v1/urls/{code}/qr?{query}");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.StartsWith(named + " ", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(answer.Response.Headers.ETag);
    }

    [Fact]
    public async Task AnUnencodedHashIsExplained()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/hash" });

        // What a person types: the client cuts "#1A237E" off as a fragment, so the server sees "fg=".
        var answer = await Client.GetJsonAsync($"/api/v1/urls/{code}/qr?fg=#1A237E");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("%23", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fg=777777&bg=FFFFFF", "contrast ratio of 4.47:1")]
    [InlineData("fg=FFFF00&bg=FFFFFF", "contrast ratio of 1.07:1")]
    [InlineData("fg=000000&bg=000000", "contrast ratio of 1.00:1")]
    public async Task LowContrastColoursAreRefused(string query, string reason)
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/contrast" });

        var answer = await Client.GetJsonAsync($"/api/v1/urls/{code}/qr?{query}");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains(reason, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LightModulesOnADarkBackgroundAreRefused()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/inverted" });

        var answer = await Client.GetJsonAsync($"/api/v1/urls/{code}/qr?fg=FFFFFF&bg=000000");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("lighter than bg", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrongETagAnswersRevalidationWithNotModified()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/etag" });
        var path = $"/api/v1/urls/{code}/qr?size=200";

        var first = await Client.GetQrAsync(path);
        var again = await Client.GetQrAsync(path);
        var spelledOtherwise = await Client.GetQrAsync($"/api/v1/urls/{code}/qr?size=200&format=PNG&fg=%23000000&bg=ffffff&ecc=m");
        var otherOptions = await Client.GetQrAsync($"/api/v1/urls/{code}/qr?size=201");

        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag.Tag);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(await QrApi.BytesAsync(first), await QrApi.BytesAsync(again));
        Assert.Equal(etag, spelledOtherwise.Headers.ETag);
        Assert.NotEqual(etag, otherOptions.Headers.ETag);

        foreach (var ifNoneMatch in new[] { etag.Tag, $"W/{etag.Tag}", $"\"nope\", {etag.Tag}", "*" })
        {
            var revalidated = await Client.GetQrAsync(path, request => request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await QrApi.BytesAsync(revalidated));
            Assert.Equal(etag, revalidated.Headers.ETag);
            Assert.Equal(first.Headers.CacheControl, revalidated.Headers.CacheControl);
        }

        var changed = await Client.GetQrAsync(path, request => request.Headers.TryAddWithoutValidation("If-None-Match", "\"0123456789abcdef0123456789abcdef\""));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await QrApi.BytesAsync(first), await QrApi.BytesAsync(changed));
    }

    [Fact]
    public async Task AnAnonymousLinksCodeIsPubliclyCacheableForADay()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/public" });

        var response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr");

        AssertCachedForADay(response, isPrivate: false);
        Assert.Empty(response.Headers.Vary);
    }

    [Fact]
    public async Task AnOwnedLinksCodeIsForItsOwnerOnly()
    {
        var (_, owner) = await Client.SignUpAsync();
        var (_, stranger) = await Client.SignUpAsync();
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: owner, body: new { long_url = "https://example.com/qr/private" });
        var code = created.Data.GetProperty("short_code").GetString()!;
        var path = $"/api/v1/urls/{code}/qr";

        var mine = await Client.GetQrAsync(path, request => request.Headers.Add("X-API-Key", owner));
        var theirs = await ApiAnswer.ReadAsync(await Client.GetQrAsync(path, request => request.Headers.Add("X-API-Key", stranger)));
        var anonymous = await Client.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        AssertCachedForADay(mine, isPrivate: true);
        Assert.Equal(["Authorization", "X-API-Key", "Cookie"], mine.Headers.Vary);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", QrImages.Scan(QrImages.ReadPng(await QrApi.BytesAsync(mine))).Text);
        theirs.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        anonymous.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        // Word for word what a missing link answers: nothing tells the two apart.
        var missing = await Client.GetJsonAsync($"/api/v1/urls/{code}x/qr");
        Assert.Equal(missing.ErrorMessage.Replace($"{code}x", code, StringComparison.Ordinal), theirs.ErrorMessage);
        Assert.Null(theirs.Response.Headers.ETag);
        Assert.Null(theirs.Response.Headers.CacheControl);
    }

    [Fact]
    public async Task ARevalidationOfSomeoneElsesLinkIsStillNotFound()
    {
        var (_, owner) = await Client.SignUpAsync();
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: owner, body: new { long_url = "https://example.com/qr/peek" });
        var path = $"/api/v1/urls/{created.Data.GetProperty("short_code").GetString()}/qr";

        var peek = await ApiAnswer.ReadAsync(await Client.GetQrAsync(path, request => request.Headers.TryAddWithoutValidation("If-None-Match", "*")));

        peek.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("/api/v1/urls/zzzzzz/qr")]
    [InlineData("/api/v1/urls/no-such-alias/qr?format=svg")]
    public async Task AnUnknownCodeIsNotFound(string path)
    {
        var answer = await Client.GetJsonAsync(path);

        answer.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("svg", "image/svg+xml")]
    public async Task DownloadAsksForAnAttachmentNamedAfterTheCode(string format, string contentType)
    {
        var alias = $"qr-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/download", custom_alias = alias });

        var download = await Client.GetQrAsync($"/api/v1/urls/{alias}/qr?format={format}&download=true");
        var inline = await Client.GetQrAsync($"/api/v1/urls/{alias}/qr?format={format}&download=false");

        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"{alias}.{format}\"", download.Content.Headers.ContentDisposition?.ToString());
        Assert.Null(inline.Content.Headers.ContentDisposition);
        Assert.Equal(await QrApi.BytesAsync(inline), await QrApi.BytesAsync(download));
    }

    private static void AssertCachedForADay(HttpResponseMessage response, bool isPrivate)
    {
        var cacheControl = response.Headers.CacheControl!;
        Assert.Equal((!isPrivate, isPrivate), (cacheControl.Public, cacheControl.Private));
        Assert.Equal(TimeSpan.FromDays(1), cacheControl.MaxAge);
        Assert.Equal("immutable", Assert.Single(cacheControl.Extensions).Name);
        Assert.False(cacheControl.NoCache || cacheControl.NoStore, cacheControl.ToString());
    }
}
