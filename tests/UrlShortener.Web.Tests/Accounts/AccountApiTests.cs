using System.Globalization;
using System.Net;
using System.Text.Json;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Accounts;

/// <summary>Accounts, API keys and link ownership (spec §3 authentication, §3.6-3.7), on SQLite and on PostgreSQL + Redis.</summary>
public abstract class AccountApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    protected ShortenerApp App => fixture.App;

    protected HttpClient Client { get; } = fixture.App.CreateApiClient();

    [Fact]
    public async Task RegisterAnswersTheSpecShapeWithAFirstApiKey()
    {
        var email = AccountApi.UniqueEmail();

        var answer = await Client.RegisterAsync(new { email, password = AccountApi.Password });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(answer.Root.GetProperty("success").GetBoolean());
        var data = answer.Data;
        Assert.Equal(["user_id", "email", "api_key", "created_at"], data.EnumerateObject().Select(p => p.Name));
        Assert.True(data.GetProperty("user_id").GetInt64() > 0);
        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.Matches("^sk_[0-9a-zA-Z]{32}$", data.GetProperty("api_key").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", data.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task ADuplicateEmailIsRefusedWithEmailTaken()
    {
        var (email, _) = await Client.SignUpAsync();

        var again = await Client.RegisterAsync(new { email = email.ToUpperInvariant(), password = AccountApi.Password });

        again.ShouldBeError(HttpStatusCode.Conflict, "EMAIL_TAKEN");
    }

    [Theory]
    [InlineData("not-an-email", AccountApi.Password, "email")]
    [InlineData("", AccountApi.Password, "email")]
    [InlineData("valid@example.com", "short", "password")]
    [InlineData("valid@example.com", "", "password")]
    public async Task ABadEmailOrAWeakPasswordIsRefusedWithAReason(string email, string password, string named)
    {
        var answer = await Client.RegisterAsync(new { email, password });

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains(named, answer.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnApiKeyListsMyLinksAndOwnsTheLinksItCreates()
    {
        var (_, key) = await Client.SignUpAsync();
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: key, body: new { long_url = "https://example.com/mine" });
        await Client.CreateLinkAsync(new { long_url = "https://example.com/anonymous" });

        var mine = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        var urls = mine.Data.GetProperty("urls");
        var only = Assert.Single(urls.EnumerateArray());
        // The spec's four fields first, exactly; then what the dashboard's table shows.
        Assert.Equal(["short_code", "long_url", "clicks", "created_at", "short_url", "expires_at", "status"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(created.Data.GetProperty("short_code").GetString(), only.GetProperty("short_code").GetString());
        Assert.Equal("https://example.com/mine", only.GetProperty("long_url").GetString());
        Assert.Equal(0, only.GetProperty("clicks").GetInt64());
        var pagination = mine.Data.GetProperty("pagination");
        Assert.Equal((1, 20, 1L), (pagination.GetProperty("page").GetInt32(), pagination.GetProperty("limit").GetInt32(), pagination.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task MyLinksArePagedNewestFirst()
    {
        var (_, key) = await Client.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            var link = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: key, body: new { long_url = $"https://example.com/{i}" });
            Assert.Equal(HttpStatusCode.Created, link.Status);
            App.Time.Advance(TimeSpan.FromSeconds(2));
        }

        var first = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?page=1&limit=2", apiKey: key);
        var last = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?page=3&limit=2", apiKey: key);
        var beyond = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?page=4&limit=2", apiKey: key);

        Assert.Equal(["https://example.com/4", "https://example.com/3"], LongUrls(first));
        Assert.Equal(["https://example.com/0"], LongUrls(last));
        Assert.Empty(LongUrls(beyond));
        Assert.Equal(5, beyond.Data.GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    public async Task PageAndLimitOutOfRangeAreRefused(string query)
    {
        var (_, key) = await Client.SignUpAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"/api/v1/users/me/urls?{query}", apiKey: key);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task LimitOfOneHundredIsAllowed()
    {
        var (_, key) = await Client.SignUpAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?limit=100", apiKey: key);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(100, answer.Data.GetProperty("pagination").GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sk_wrong")]
    [InlineData("sk_0000000000000000000000000000000A")]
    public async Task AWrongOrMissingKeyOnMyLinksIsUnauthorizedInTheEnvelope(string? key)
    {
        var answer = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);

        answer.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AGarbageBearerTokenIsUnauthorizedInTheEnvelope()
    {
        var answer = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", bearer: "not-a-token");

        answer.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedEverywhere()
    {
        var (_, key) = await Client.SignUpAsync();
        var list = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: key);
        var id = Assert.Single(list.Data.EnumerateArray()).GetProperty("id").GetInt64();

        var revoked = await Client.SendAsync(HttpMethod.Delete, $"/api/v1/users/me/api-keys/{id}", apiKey: key);
        var mine = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);
        var shorten = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: key, body: new { long_url = "https://example.com/x" });

        Assert.Equal(HttpStatusCode.NoContent, revoked.Response.StatusCode);
        mine.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        shorten.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task KeysAreCreatedShownOnceListedByPrefixAndRevokedOnlyByTheirOwner()
    {
        var (_, key) = await Client.SignUpAsync();
        var (_, otherKey) = await Client.SignUpAsync();

        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/me/api-keys", apiKey: key, body: new { name = "ci" });
        var secret = created.Data.GetProperty("api_key").GetString()!;
        var id = created.Data.GetProperty("id").GetInt64();
        var withNewKey = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: secret);
        var list = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: key);
        var stolen = await Client.SendAsync(HttpMethod.Delete, $"/api/v1/users/me/api-keys/{id}", apiKey: otherKey);
        var nameless = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/me/api-keys", apiKey: key, body: new { name = " " });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(secret[..11], created.Data.GetProperty("prefix").GetString());
        Assert.Equal(HttpStatusCode.OK, withNewKey.Status);
        Assert.Equal(["ci", "default"], list.Data.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        Assert.DoesNotContain(secret, list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Text, StringComparison.Ordinal);
        var listed = list.Data.EnumerateArray().First();
        Assert.Equal(["id", "name", "prefix", "created_at", "last_used_at", "revoked"], listed.EnumerateObject().Select(p => p.Name));
        Assert.False(listed.GetProperty("revoked").GetBoolean());
        stolen.ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        nameless.ShouldBeError(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task LastUsedIsRecordedAtMostOnceAMinute()
    {
        var (_, key) = await Client.SignUpAsync();
        await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key);
        var firstUse = LastUsed(await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: key));

        App.Time.Advance(TimeSpan.FromSeconds(30));
        var withinTheMinute = LastUsed(await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: key));
        App.Time.Advance(TimeSpan.FromSeconds(31));
        var later = LastUsed(await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: key));

        Assert.NotNull(firstUse);
        Assert.Equal(firstUse, withinTheMinute);
        Assert.True(later > firstUse);
    }

    [Fact]
    public async Task LoginGivesABearerTokenThatWorks()
    {
        var (email, _) = await Client.SignUpAsync();

        var login = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = AccountApi.Password });
        var token = login.Data.GetProperty("access_token").GetString()!;
        var mine = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", bearer: token);
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", bearer: token, body: new { long_url = "https://example.com/bearer" });
        var afterwards = await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", bearer: token);

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], login.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Bearer", login.Data.GetProperty("token_type").GetString());
        Assert.True(login.Data.GetProperty("expires_in").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(1, afterwards.Data.GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndFiveLockTheAccount()
    {
        var (email, _) = await Client.SignUpAsync();

        var wrong = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = "wrong password!" });
        for (var i = 0; i < 4; i++)
        {
            await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = "wrong password!" });
        }

        var locked = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = AccountApi.Password });
        var unknown = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email = AccountApi.UniqueEmail(), password = AccountApi.Password });

        wrong.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        locked.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("locked", locked.ErrorMessage, StringComparison.Ordinal);
        unknown.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AnotherAccountsLinkIsNotFoundWhileAnonymousLinksStayPublic()
    {
        var (_, owner) = await Client.SignUpAsync();
        var (_, stranger) = await Client.SignUpAsync();
        var owned = (await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: owner, body: new { long_url = "https://example.com/private" }))
            .Data.GetProperty("short_code").GetString()!;
        var anonymous = await Client.CreateLinkAsync(new { long_url = "https://example.com/public" });

        foreach (var path in new[] { $"/api/v1/urls/{owned}", $"/api/v1/analytics/{owned}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, path, apiKey: owner)).Status);
            (await Client.SendAsync(HttpMethod.Get, path, apiKey: stranger)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
            (await Client.SendAsync(HttpMethod.Get, path)).ShouldBeError(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        foreach (var path in new[] { $"/api/v1/urls/{anonymous}", $"/api/v1/analytics/{anonymous}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, path)).Status);
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, path, apiKey: stranger)).Status);
        }

        // The short link itself works for everybody.
        var redirect = await Client.GetAsync($"/{owned}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
    }

    [Fact]
    public async Task ThePasswordAndTheKeyNeverAppearInLogsOrLaterAnswers()
    {
        var email = AccountApi.UniqueEmail();
        const string password = "a very secret passphrase 7f3k";
        var registered = await Client.RegisterAsync(new { email, password });
        var key = registered.Data.GetProperty("api_key").GetString()!;
        var login = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password });
        var wrongLogin = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/login", body: new { email, password = password + "x" });
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/users/me/api-keys", apiKey: key, body: new { name = "second" });
        var second = created.Data.GetProperty("api_key").GetString()!;
        var laterAnswers = new[]
        {
            await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls", apiKey: key),
            await Client.SendAsync(HttpMethod.Get, "/api/v1/users/me/api-keys", apiKey: second),
            await Client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: key, body: new { long_url = "https://example.com/logs" }),
            await Client.RegisterAsync(new { email, password }),
            login,
            wrongLogin,
        };

        foreach (var secret in new[] { password, key, second })
        {
            Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.All(laterAnswers, answer => Assert.DoesNotContain(secret, answer.Text, StringComparison.Ordinal));
        }

        Assert.NotEmpty(App.Logs.Lines);
    }

    [Fact]
    public async Task UsersIsAReservedAlias()
    {
        var answer = await Client.ShortenAsync(new { long_url = "https://example.com/", custom_alias = "users" });

        answer.ShouldBeError(HttpStatusCode.BadRequest, "RESERVED_ALIAS");
    }

    private static string[] LongUrls(ApiAnswer answer) =>
        [.. answer.Data.GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("long_url").GetString()!)];

    private static DateTimeOffset? LastUsed(ApiAnswer list) =>
        Assert.Single(list.Data.EnumerateArray()).GetProperty("last_used_at") is { ValueKind: JsonValueKind.String } value
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}

public sealed class AccountApiOnSqliteTests(SqliteAppFixture fixture) : AccountApiTests<SqliteAppFixture>(fixture);

public sealed class AccountApiOnPostgresTests(PostgresRedisAppFixture fixture) : AccountApiTests<PostgresRedisAppFixture>(fixture);
