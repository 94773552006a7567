using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Accounts;

/// <summary><c>GET /api/v1/users/me/urls?page=1&amp;limit=20</c> (spec §3.7): the caller's links, newest first.</summary>
public static class ListMyLinks
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static async Task<IResult> HandleAsync(
        [FromQuery(Name = "page")] string? pageText,
        [FromQuery(Name = "limit")] string? limitText,
        ClaimsPrincipal user,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        // Parsed here rather than bound as int, so that "page=abc" gets a sentence instead of the framework's bare 400.
        if (!TryParse(pageText, 1, out var page) || page < 1)
        {
            return ApiResults.BadRequest(ErrorCodes.ValidationFailed, "page must be a whole number of at least 1.");
        }

        if (!TryParse(limitText, DefaultLimit, out var limit) || limit is < 1 or > MaxLimit)
        {
            return ApiResults.BadRequest(ErrorCodes.ValidationFailed, $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        var userId = user.UserId()!.Value;
        var mine = db.Links.AsNoTracking().Where(l => l.UserId == userId);
        var total = await mine.LongCountAsync(cancellationToken);
        var urls = await mine
            .OrderByDescending(l => l.CreatedAt)
            .ThenByDescending(l => l.Id)
            .Skip((page - 1) * limit)
            .Take(limit)
            .Select(l => new MyLink(l.ShortCode, l.LongUrl, l.ClickCount, l.CreatedAt))
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new MyLinksPage(urls, new Pagination(page, limit, total)));
    }

    private static bool TryParse(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        // Caps page so that (page - 1) * limit cannot overflow.
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 10_000_000;
    }
}
