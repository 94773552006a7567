using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Tests.Accounts;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Links;

/// <summary>
/// Disabling and deleting links (<c>PATCH</c> and <c>DELETE /api/v1/urls/{short_code}</c>): only by their owner, felt by
/// the redirect at once, and a deleted code never comes back. On SQLite and on PostgreSQL + Redis.
/// </summary>
public abstract class LinkManagementTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    protected ShortenerApp App => fixture.App;

    protected HttpClient Client { get; } = fixture.App.CreateApiClient();

    [Fact]
    public async Task ADisabledLinkAnswersGoneAtOnceAndRedirectsAgainOnceEnabled()
    {
        var (_, key) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/switch" });
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(code)).StatusCode); // now in the cache

        var disabled = await Client.SetActiveAsync(code, isActive: false, key);
        var whileDisabled = await FollowAsync(code);
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{code}"), TestContext.Current.CancellationToken);
        var info = await Client.SendAsync(HttpMethod.Get, $"/api/v1/urls/{code}", apiKey: key);
        var enabled = await Client.SetActiveAsync(code, isActive: true, key);
        var afterwards = await FollowAsync(code);

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.False(disabled.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal("disabled", disabled.Data.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Gone, whileDisabled.StatusCode);
        Assert.Equal("text/html", whileDisabled.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no longer works", await whileDisabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(whileDisabled.Headers.Location);
        Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
        Assert.False(info.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal("disabled", info.Data.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.True(enabled.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal("active", enabled.Data.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Found, afterwards.StatusCode);
        Assert.Equal("https://example.com/switch", afterwards.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PatchAnswersTheLinkAsGetDescribesIt()
    {
        var (_, key) = await Client.SignUpAsync();
        var alias = LinkApiTests<TFixture>.UniqueAlias("shape");
        await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/shape", custom_alias = alias });

        var patched = await Client.SetActiveAsync(alias, isActive: false, key);
        var described = await Client.SendAsync(HttpMethod.Get, $"/api/v1/urls/{alias}", apiKey: key);

        Assert.True(patched.Root.GetProperty("success").GetBoolean());
        Assert.Equal(
            ["short_code", "short_url", "long_url", "created_at", "expires_at", "total_clicks", "is_active", "is_custom", "redirect_type", "status"],
            patched.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(described.Data.ToString(), patched.Data.ToString());
        Assert.Equal($"{ShortenerApp.BaseUrl}/{alias}", patched.Data.GetProperty("short_url").GetString());
    }

    [Fact]
    public async Task DisablingTwiceAndEnablingAnActiveLinkChangeNothingElse()
    {
        var (_, key) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/idempotent" });

        var enabledAlready = await Client.SetActiveAsync(code, isActive: true, key);
        var first = await Client.SetActiveAsync(code, isActive: false, key);
        var second = await Client.SetActiveAsync(code, isActive: false, key);

        Assert.True(enabledAlready.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal(first.Data.ToString(), second.Data.ToString());
        Assert.Equal(HttpStatusCode.Gone, (await FollowAsync(code)).StatusCode);
    }

    [Fact]
    public async Task ADeletedLinkIsGoneEverywhereAndItsCodeIsNeverHandedOutAgain()
    {
        var (_, key) = await Client.SignUpAsync();
        var alias = LinkApiTests<TFixture>.UniqueAlias("bye");
        await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/bye", custom_alias = alias });
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(alias)).StatusCode);

        var deleted = await Client.DeleteLinkAsync(alias, key);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Root.GetProperty("success").GetBoolean());
        Assert.Equal(["short_code", "deleted"], deleted.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(alias, deleted.Data.GetProperty("short_code").GetString());
        Assert.True(deleted.Data.GetProperty("deleted").GetBoolean());

        var followed = await FollowAsync(alias);
        Assert.Equal(HttpStatusCode.Gone, followed.StatusCode);
        Assert.Contains("no longer works", await followed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        (await Client.SendAsync(HttpMethod.Get, $"/api/v1/urls/{alias}", apiKey: key)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Client.SendAsync(HttpMethod.Get, $"/api/v1/analytics/{alias}", apiKey: key)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        var mine = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);
        Assert.Empty(mine.Data.GetProperty("urls").EnumerateArray());
        Assert.Equal(0, mine.Data.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.False((await Client.GetJsonAsync($"/api/v1/available/{alias}")).Data.GetProperty("available").GetBoolean());
        var reusedByOwner = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: key,
            body: new { long_url = "https://example.com/elsewhere", custom_alias = alias });
        reusedByOwner.ShouldBeError(HttpStatusCode.Conflict, "ALIAS_TAKEN");
        (await Client.ShortenAsync(new { long_url = "https://example.com/elsewhere", custom_alias = alias })).ShouldBeError(HttpStatusCode.Conflict, "ALIAS_TAKEN");
        (await Client.DeleteLinkAsync(alias, key)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        (await Client.SetActiveAsync(alias, isActive: true, key)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(HttpStatusCode.Gone, (await FollowAsync(alias)).StatusCode);
    }

    [Fact]
    public async Task ADeletedLinkStaysGoneAfterTheCacheForgetsIt()
    {
        var (_, key) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/forgotten" });
        var disabledThenDeleted = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/both" });
        await Client.SetActiveAsync(disabledThenDeleted, isActive: false, key);

        await Client.DeleteLinkAsync(code, key);
        await Client.DeleteLinkAsync(disabledThenDeleted, key);
        var cache = App.Services.GetRequiredService<ILinkCache>();
        await cache.InvalidateAsync(code, TestContext.Current.CancellationToken);
        await cache.InvalidateAsync(disabledThenDeleted, TestContext.Current.CancellationToken);

        // Reloaded from the database: still 410, not 404, and never the old destination.
        var followed = await FollowAsync(code);
        Assert.Equal(HttpStatusCode.Gone, followed.StatusCode);
        Assert.Null(followed.Headers.Location);
        Assert.Equal(HttpStatusCode.Gone, (await FollowAsync(disabledThenDeleted)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheOwnerMayDisableOrDeleteALink()
    {
        var (_, owner) = await Client.SignUpAsync();
        var (_, stranger) = await Client.SignUpAsync();
        var owned = await Client.CreateOwnedLinkAsync(owner, new { long_url = "https://example.com/owned" });
        var anonymous = await Client.CreateLinkAsync(new { long_url = "https://example.com/anonymous" });

        var attempts = new[]
        {
            await Client.SetActiveAsync(owned, isActive: false, stranger),
            await Client.DeleteLinkAsync(owned, stranger),
            await Client.SetActiveAsync(anonymous, isActive: false, owner),
            await Client.DeleteLinkAsync(anonymous, owner),
            await Client.SetActiveAsync("no-such-link", isActive: false, owner),
            await Client.DeleteLinkAsync("no-such-link", owner),
        };

        Assert.All(attempts, answer => answer.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND"));
        // Another account's link is refused exactly like a missing one.
        Assert.Equal(
            attempts[4].ErrorMessage.Replace("no-such-link", owned, StringComparison.Ordinal),
            attempts[0].ErrorMessage);
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(owned)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(anonymous)).StatusCode);
        Assert.True((await Client.SendAsync(HttpMethod.Get, $"/api/v1/urls/{owned}", apiKey: owner)).Data.GetProperty("is_active").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk_0000000000000000000000000000000A")]
    public async Task ChangingALinkWithoutValidCredentialsIsUnauthorizedInTheEnvelope(string? key)
    {
        var (_, owner) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(owner, new { long_url = "https://example.com/guarded" });
        var anonymous = await Client.CreateLinkAsync(new { long_url = "https://example.com/guarded-anonymous" });

        foreach (var target in new[] { code, anonymous, "no-such-link" })
        {
            (await Client.SetActiveAsync(target, isActive: false, key)).ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            (await Client.DeleteLinkAsync(target, key)).ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }

        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(code)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(anonymous)).StatusCode);
    }

    [Theory]
    [InlineData("{\"is_active\": ", "INVALID_JSON")]
    [InlineData("", "INVALID_JSON")]
    [InlineData("[true]", "VALIDATION_FAILED")]
    [InlineData("null", "VALIDATION_FAILED")]
    [InlineData("{}", "VALIDATION_FAILED")]
    [InlineData("{\"is_active\": null}", "VALIDATION_FAILED")]
    [InlineData("{\"is_active\": \"false\"}", "VALIDATION_FAILED")]
    [InlineData("{\"is_active\": 0}", "VALIDATION_FAILED")]
    [InlineData("{\"is_active\": {\"value\": false}}", "VALIDATION_FAILED")]
    [InlineData("{\"is_active\": false, \"is_active\": true}", "VALIDATION_FAILED")]
    [InlineData("{\"isActive\": false}", "VALIDATION_FAILED")]
    public async Task MalformedPatchBodiesGetAClearErrorAndChangeNothing(string body, string code)
    {
        var (_, key) = await Client.SignUpAsync();
        var link = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/untouched" });

        var answer = await Client.SendRawAsync(HttpMethod.Patch, $"/api/v1/urls/{link}", body, key);

        answer.ShouldBeError(HttpStatusCode.BadRequest, code);
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(link)).StatusCode);
    }

    [Fact]
    public async Task PatchBodiesThatAreNotJsonOrTooLargeAreRefused()
    {
        var (_, key) = await Client.SignUpAsync();
        var link = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/untouched" });
        var huge = $"{{\"is_active\": false, \"padding\": \"{new string('x', 64 * 1024)}\"}}";

        var form = await Client.SendRawAsync(HttpMethod.Patch, $"/api/v1/urls/{link}", "is_active=false", key, "application/x-www-form-urlencoded");
        var tooLarge = await Client.SendRawAsync(HttpMethod.Patch, $"/api/v1/urls/{link}", huge, key);

        form.ShouldBeError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        tooLarge.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Equal(HttpStatusCode.Found, (await FollowAsync(link)).StatusCode);
    }

    [Fact]
    public async Task DisabledWinsOverExpiredInTheStatus()
    {
        var (_, key) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(key, new
        {
            long_url = "https://example.com/short-lived",
            expires_at = App.Time.GetUtcNow().AddHours(1).ToString("O", CultureInfo.InvariantCulture),
        });
        await Client.SetActiveAsync(code, isActive: false, key);

        App.Time.Advance(TimeSpan.FromHours(2));
        ApiAnswer whileDisabled, enabled;
        HttpResponseMessage followed;
        try
        {
            whileDisabled = await Client.SendAsync(HttpMethod.Get, $"/api/v1/urls/{code}", apiKey: key);
            enabled = await Client.SetActiveAsync(code, isActive: true, key);
            followed = await FollowAsync(code);
        }
        finally
        {
            // The app (and its clock) is shared by the class: put time back for the other tests.
            App.Time.Advance(TimeSpan.FromHours(-2));
        }

        Assert.Equal("disabled", whileDisabled.Data.GetProperty("status").GetString());
        Assert.False(whileDisabled.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal("expired", enabled.Data.GetProperty("status").GetString());
        Assert.False(enabled.Data.GetProperty("is_active").GetBoolean());
        Assert.Equal(HttpStatusCode.Gone, followed.StatusCode);
    }

    [Fact]
    public async Task ABearerTokenMayManageTheAccountsLinks()
    {
        var (email, key) = await Client.SignUpAsync();
        var code = await Client.CreateOwnedLinkAsync(key, new { long_url = "https://example.com/bearer-managed" });
        var login = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = AccountApi.Password });
        var token = login.Data.GetProperty("access_token").GetString()!;

        var disabled = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/urls/{code}", bearer: token, body: new { is_active = false });
        var deleted = await Client.SendAsync(HttpMethod.Delete, $"/api/v1/urls/{code}", bearer: token);

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.Gone, (await FollowAsync(code)).StatusCode);
    }

    private Task<HttpResponseMessage> FollowAsync(string code) => Client.GetAsync($"/{code}", TestContext.Current.CancellationToken);
}

public sealed class LinkManagementOnSqliteTests(SqliteAppFixture fixture) : LinkManagementTests<SqliteAppFixture>(fixture);

public sealed class LinkManagementOnPostgresTests(PostgresRedisAppFixture fixture) : LinkManagementTests<PostgresRedisAppFixture>(fixture);
