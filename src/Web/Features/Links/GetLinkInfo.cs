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
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "short_code")] string shortCode,
        HttpRequest http,
        AppDbContext db,
        ShortUrls shortUrls,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var link = await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.ShortCode == shortCode, cancellationToken);
        // Someone else's link answers exactly like a missing one: its existence is not ours to reveal.
        if (link is null || !http.HttpContext.User.CanSee(link.UserId))
        {
            return ApiResults.NotFound($"No short link '{shortCode}' exists.");
        }

        return ApiResults.Ok(new LinkInfo(
            link.ShortCode,
            shortUrls.For(http, link.ShortCode),
            link.LongUrl,
            link.CreatedAt,
            link.ExpiresAt,
            link.ClickCount,
            link.IsActiveAt(time.GetUtcNow()),
            link.IsCustom,
            link.RedirectType));
    }
}
