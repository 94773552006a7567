using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary><c>DELETE /api/v1/users/me/api-keys/{id}</c>: the key stops working at once; revoking twice is fine.</summary>
public static class RevokeApiKey
{
    public static async Task<IResult> HandleAsync(long id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = user.UserId()!.Value;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return ApiResults.NotFound($"You have no API key {id}.");
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
