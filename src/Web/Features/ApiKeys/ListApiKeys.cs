using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary><c>GET /api/v1/users/me/api-keys</c>: prefixes only, the secrets are gone.</summary>
public static class ListApiKeys
{
    public static async Task<IResult> HandleAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        ApiResults.Ok(await ListAsync(user.UserId()!.Value, db, cancellationToken));

    public static async Task<IReadOnlyList<ApiKeySummary>> ListAsync(long userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt)
            .ThenByDescending(k => k.Id)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt != null))
            .ToListAsync(cancellationToken);
}
