using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// <c>PATCH /api/v1/urls/{short_code}</c> with <c>{"is_active": false | true}</c>: the owner turns a link off (followers
/// get 410) or on again. Every instance stops (or resumes) redirecting at once, through the cache's backplane.
/// </summary>
public static class UpdateLink
{
    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "short_code")] string shortCode,
        JsonBody<UpdateLinkRequest> body,
        HttpRequest http,
        ClaimsPrincipal user,
        AppDbContext db,
        ShortUrls shortUrls,
        ILinkCache cache,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } bodyProblem)
        {
            return ApiResults.Error(bodyProblem);
        }

        // RequireAuthorization has let only signed-in callers through.
        var outcome = await UpdateAsync(
            shortCode, body.Value!, user.UserId()!.Value, RequestOrigin.Of(http), db, shortUrls, cache, time, cancellationToken);
        return outcome.ToHttpResult();
    }

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<Outcome<LinkInfo>> UpdateAsync(
        string shortCode,
        UpdateLinkRequest request,
        long userId,
        RequestOrigin origin,
        AppDbContext db,
        ShortUrls shortUrls,
        ILinkCache cache,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Fields left out stay as they are; with nothing to change the caller has most likely misspelt the field.
        if (request.IsActive is not { } isActive)
        {
            return ApiProblem.BadRequest(ErrorCodes.ValidationFailed,
                "is_active is required: false turns the link off (visitors get 410 Gone), true turns it on again.");
        }

        var link = await db.Links.OwnedBy(userId).FirstOrDefaultAsync(l => l.ShortCode == shortCode, cancellationToken);
        if (link is null)
        {
            return LinkAccess.NotFound(shortCode);
        }

        var now = time.GetUtcNow();
        // Turning off twice keeps the first instant: it says since when the link has been off.
        link.DisabledAt = isActive ? null : link.DisabledAt ?? now;
        await db.SaveChangesAsync(cancellationToken);

        // Not cancellable: the row is committed, so every instance must hear of it even if the client has gone.
        await cache.SetAsync(link.ShortCode, link.ToCachedLink(), CancellationToken.None);
        return GetLinkInfo.Describe(link, origin, shortUrls, now);
    }
}
