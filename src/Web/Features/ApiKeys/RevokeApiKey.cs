using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary><c>DELETE /api/v1/users/me/api-keys/{id}</c>: the key stops working at once; revoking twice is fine.</summary>
public static class RevokeApiKey
{
    public static async Task<IResult> HandleAsync(long id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await RevokeAsync(user.UserId()!.Value, id, db, time, cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound(NotFoundMessage(id));

    /// <summary>False when the account has no such key.</summary>
    public static async Task<bool> RevokeAsync(long userId, long id, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string NotFoundMessage(long id) => $"You have no API key {id}.";
}
