using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Tests.Accounts;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Links;

/// <summary>
/// The dashboard's in-process <see cref="ILinksClient"/> answers what the API answers, for the person Blazor says is
/// signed in. Set up here the way the prerendering renderer sets it up for a page.
/// </summary>
public sealed class ServerLinksClientTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private readonly HttpClient _api = fixture.App.CreateApiClient();

    [Fact]
    public async Task SignedOutTheAccountsMethodsAnswerUnauthorizedAndShortenedLinksAreAnonymous()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var client = ClientFor(scope, new ClaimsPrincipal(new ClaimsIdentity()));

        var shortened = await client.ShortenAsync(new ShortenRequest { LongUrl = "https://example.com/signed-out" }, TestContext.Current.CancellationToken);
        var code = shortened.Value!.ShortCode;

        Assert.Equal(ErrorCodes.Unauthorized, (await client.ListMineAsync(new MyLinksQuery(), TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await client.SetActiveAsync(code, false, TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal(ErrorCodes.Unauthorized, (await client.DeleteAsync(code, TestContext.Current.CancellationToken)).Error?.Code);
        // Anonymous links are public, as on the API.
        Assert.True((await client.GetInfoAsync(code, TestContext.Current.CancellationToken)).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetJsonAsync($"/api/v1/urls/{code}")).Status);
        Assert.Equal(HttpStatusCode.Found, (await _api.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignedInItActsForTheAccountExactlyLikeTheApi()
    {
        var (userId, key) = await SignUpAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var client = ClientFor(scope, SignedIn(userId));
        var cancellation = TestContext.Current.CancellationToken;

        var shortened = await client.ShortenAsync(new ShortenRequest { LongUrl = "https://example.com/dashboard" }, cancellation);
        var code = shortened.Value!.ShortCode;
        var listed = await client.ListMineAsync(new MyLinksQuery(Search: "DASHBOARD"), cancellation);
        var listedByApi = await _api.SendAsync(HttpMethod.Get, "/api/v1/users/me/urls?q=DASHBOARD", apiKey: key);
        var info = await client.GetInfoAsync(code, cancellation);
        var infoByApi = await _api.SendAsync(HttpMethod.Get, $"/api/v1/urls/{code}", apiKey: key);

        Assert.Equal(code, Assert.Single(listed.Value!.Urls).ShortCode);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", listed.Value.Urls[0].ShortUrl);
        Assert.Equal(listed.Value.Urls, Read<MyLinksPage>(listedByApi).Urls);
        Assert.Equal(listed.Value.Pagination, Read<MyLinksPage>(listedByApi).Pagination);
        Assert.Equal(info.Value, Read<LinkInfo>(infoByApi));

        var disabled = await client.SetActiveAsync(code, false, cancellation);
        Assert.Equal((false, LinkStatus.Disabled), (disabled.Value!.IsActive, disabled.Value.Status));
        Assert.Equal(HttpStatusCode.Gone, (await _api.GetAsync($"/{code}", cancellation)).StatusCode);
        Assert.Equal(disabled.Value, Read<LinkInfo>(await _api.SendAsync(HttpMethod.Get, $"/api/v1/urls/{code}", apiKey: key)));

        var enabled = await client.SetActiveAsync(code, true, cancellation);
        Assert.Equal((true, LinkStatus.Active), (enabled.Value!.IsActive, enabled.Value.Status));
        Assert.Equal(HttpStatusCode.Found, (await _api.GetAsync($"/{code}", cancellation)).StatusCode);

        var deleted = await client.DeleteAsync(code, cancellation);
        Assert.Equal(new DeletedLink(code, true), deleted.Value);
        Assert.Equal(HttpStatusCode.Gone, (await _api.GetAsync($"/{code}", cancellation)).StatusCode);
        Assert.Equal(ErrorCodes.NotFound, (await client.GetInfoAsync(code, cancellation)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await client.DeleteAsync(code, cancellation)).Error?.Code);
        Assert.Empty((await client.ListMineAsync(new MyLinksQuery(), cancellation)).Value!.Urls);
    }

    [Fact]
    public async Task AnotherAccountsLinkIsNotFound()
    {
        var (_, ownerKey) = await SignUpAsync();
        var (strangerId, _) = await SignUpAsync();
        var code = await _api.CreateOwnedLinkAsync(ownerKey, new { long_url = "https://example.com/not-yours" });
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var client = ClientFor(scope, SignedIn(strangerId));

        Assert.Equal(ErrorCodes.NotFound, (await client.GetInfoAsync(code, TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await client.SetActiveAsync(code, false, TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await client.DeleteAsync(code, TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal(HttpStatusCode.Found, (await _api.GetAsync($"/{code}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(1, 20, "bogus")]
    [InlineData(0, 20, MyLinksSort.CreatedAt)]
    [InlineData(1, 101, MyLinksSort.CreatedAt)]
    public async Task AQueryTheApiWouldRefuseIsRefusedAlike(int page, int limit, string sort)
    {
        var (userId, _) = await SignUpAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var client = ClientFor(scope, SignedIn(userId));

        var answer = await client.ListMineAsync(new MyLinksQuery(page, limit, Sort: sort), TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.ValidationFailed, answer.Error?.Code);
    }

    private static ILinksClient ClientFor(AsyncServiceScope scope, ClaimsPrincipal user)
    {
        var services = scope.ServiceProvider;
        ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>())
            .Initialize($"{ShortenerApp.BaseUrl}/", $"{ShortenerApp.BaseUrl}/links");
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return services.GetRequiredService<ILinksClient>();
    }

    private static ClaimsPrincipal SignedIn(long userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "Test"));

    private async Task<(long UserId, string ApiKey)> SignUpAsync()
    {
        var answer = await _api.RegisterAsync(new { email = AccountApi.UniqueEmail(), password = AccountApi.Password });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return (answer.Data.GetProperty("user_id").GetInt64(), answer.Data.GetProperty("api_key").GetString()!);
    }

    private static T Read<T>(ApiAnswer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"Expected 200, got {(int)answer.Status}: {answer.Text}");
        return answer.Data.Deserialize<T>()!;
    }
}
