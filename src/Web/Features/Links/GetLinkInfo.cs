using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.Links;

/// <summary><c>GET /api/v1/urls/{short_code}</c>.</summary>
public static class GetLinkInfo
{
    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "short_code")] string shortCode,
        HttpRequest http,
        ClaimsPrincipal user,
        AppDbContext db,
        ShortUrls shortUrls,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        (await GetAsync(shortCode, user.UserId(), RequestOrigin.Of(http), db, shortUrls, time, cancellationToken)).ToHttpResult();

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<Outcome<LinkInfo>> GetAsync(
        string shortCode,
        long? userId,
        RequestOrigin origin,
        AppDbContext db,
        ShortUrls shortUrls,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var link = await db.Links.AsNoTracking().VisibleTo(userId).FirstOrDefaultAsync(l => l.ShortCode == shortCode, cancellationToken);
        return link is null ? LinkAccess.NotFound(shortCode) : Describe(link, origin, shortUrls, time.GetUtcNow());
    }

    /// <summary>The link as <c>GET</c> and <c>PATCH</c> show it.</summary>
    public static LinkInfo Describe(ShortLink link, RequestOrigin origin, ShortUrls shortUrls, DateTimeOffset now) => new(
        link.ShortCode,
        shortUrls.For(origin, link.ShortCode),
        link.LongUrl,
        link.CreatedAt,
        link.ExpiresAt,
        link.ClickCount,
        link.IsActiveAt(now),
        link.IsCustom,
        link.RedirectType,
        link.StatusAt(now));
}
