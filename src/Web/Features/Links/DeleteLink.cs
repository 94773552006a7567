using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// <c>DELETE /api/v1/urls/{short_code}</c>: a soft delete. The row stays so that its code is never handed out again
/// (a printed QR code must never lead somewhere else); the link vanishes from the API and followers get 410.
/// </summary>
public static class DeleteLink
{
    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "short_code")] string shortCode,
        ClaimsPrincipal user,
        AppDbContext db,
        ILinkCache cache,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        // RequireAuthorization has let only signed-in callers through.
        (await DeleteAsync(shortCode, user.UserId()!.Value, db, cache, time, cancellationToken)).ToHttpResult();

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<Outcome<DeletedLink>> DeleteAsync(
        string shortCode, long userId, AppDbContext db, ILinkCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        // A second delete finds nothing, like any unknown code: deleted links do not exist for the API.
        var link = await db.Links.OwnedBy(userId).FirstOrDefaultAsync(l => l.ShortCode == shortCode, cancellationToken);
        if (link is null)
        {
            return LinkAccess.NotFound(shortCode);
        }

        link.DeletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        // Not cancellable: the row is committed, so every instance must hear of it even if the client has gone.
        await cache.SetAsync(link.ShortCode, link.ToCachedLink(), CancellationToken.None);
        return new DeletedLink(link.ShortCode, Deleted: true);
    }
}
