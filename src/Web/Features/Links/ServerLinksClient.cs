using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// <see cref="ILinksClient"/> for components rendered on the server (prerendering and interactive server): calls the
/// use cases in-process instead of looping back over HTTP. A circuit has no <see cref="HttpRequest"/>, so the origin
/// comes from <see cref="NavigationManager"/>, and each call gets its own context because a circuit lives long and
/// may run the alias check and a shorten at the same time.
/// </summary>
public sealed class ServerLinksClient(
    IDbContextFactory<AppDbContext> contexts,
    NavigationManager navigation,
    ShortCodeAllocator allocator,
    AliasPolicy aliases,
    ShortUrls shortUrls,
    ILinkCache cache,
    TimeProvider time,
    IOptions<ShortLinksOptions> options) : ILinksClient
{
    public async Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Dashboard sign-in comes with the accounts pages; until then links made here are anonymous, like the API's.
        var outcome = await CreateLink.CreateAsync(
            request, RequestOrigin.Of(new Uri(navigation.BaseUri)), userId: null,
            db, allocator, aliases, shortUrls, cache, time, options.Value, cancellationToken);
        return outcome.Problem is { } problem ? Refused<ShortenedLink>(problem) : ApiResult<ShortenedLink>.Success(outcome.Link!);
    }

    public async Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (availability, problem) = await CheckAlias.CheckAsync(alias, db, aliases, cancellationToken);
        return problem is null ? ApiResult<AliasAvailability>.Success(availability!) : Refused<AliasAvailability>(problem);
    }

    private static ApiResult<T> Refused<T>(ApiProblem problem) => ApiResult<T>.Failure(problem.Code, problem.Message);
}
