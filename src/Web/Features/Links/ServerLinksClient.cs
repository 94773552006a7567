using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// <see cref="ILinksClient"/> for components rendered on the server (prerendering and interactive server): calls the
/// use cases in-process instead of looping back over HTTP. A circuit has no <see cref="HttpRequest"/>, so the origin
/// comes from <see cref="NavigationManager"/> and the signed-in person from <see cref="AuthenticationStateProvider"/>
/// (the request's user when prerendering, the circuit's afterwards). Each call gets its own context because a
/// circuit lives long and may run the alias check and a shorten at the same time.
/// </summary>
public sealed class ServerLinksClient(
    IDbContextFactory<AppDbContext> contexts,
    NavigationManager navigation,
    AuthenticationStateProvider authentication,
    ShortCodeAllocator allocator,
    AliasPolicy aliases,
    ShortUrls shortUrls,
    ILinkCache cache,
    TimeProvider time,
    IOptions<ShortLinksOptions> options) : ILinksClient
{
    private RequestOrigin Origin => RequestOrigin.Of(new Uri(navigation.BaseUri));

    public async Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default)
    {
        var userId = await CurrentUserIdAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outcome = await CreateLink.CreateAsync(
            request, Origin, userId, db, allocator, aliases, shortUrls, cache, time, options.Value, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResult<ShortenedLink>.Failure(problem.Code, problem.Message)
            : ApiResult<ShortenedLink>.Success(outcome.Link!);
    }

    public async Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (availability, problem) = await CheckAlias.CheckAsync(alias, db, aliases, cancellationToken);
        return problem is null
            ? ApiResult<AliasAvailability>.Success(availability!)
            : ApiResult<AliasAvailability>.Failure(problem.Code, problem.Message);
    }

    public async Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default)
    {
        if (await CurrentUserIdAsync() is not { } userId)
        {
            return NotSignedIn<MyLinksPage>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ListMyLinks.ListAsync(userId, query, Origin, db, shortUrls, time, cancellationToken)).ToApiResult();
    }

    public async Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default)
    {
        // Like the API: anonymous links are public, so a visitor who is not signed in may read them.
        var userId = await CurrentUserIdAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await GetLinkInfo.GetAsync(shortCode, userId, Origin, db, shortUrls, time, cancellationToken)).ToApiResult();
    }

    public async Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default)
    {
        if (await CurrentUserIdAsync() is not { } userId)
        {
            return NotSignedIn<LinkInfo>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = new UpdateLinkRequest { IsActive = isActive };
        return (await UpdateLink.UpdateAsync(shortCode, request, userId, Origin, db, shortUrls, cache, time, cancellationToken)).ToApiResult();
    }

    public async Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default)
    {
        if (await CurrentUserIdAsync() is not { } userId)
        {
            return NotSignedIn<DeletedLink>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await DeleteLink.DeleteAsync(shortCode, userId, db, cache, time, cancellationToken)).ToApiResult();
    }

    // Asked on every call, not once: a circuit outlives a sign-out in another tab, and its state provider follows it.
    private async Task<long?> CurrentUserIdAsync() => (await authentication.GetAuthenticationStateAsync()).User.UserId();

    // The API answers 401 with this code, so a component handles both clients alike.
    private static ApiResult<T> NotSignedIn<T>() =>
        ApiResult<T>.Failure(ErrorCodes.Unauthorized, "Sign in to manage your links.");
}
