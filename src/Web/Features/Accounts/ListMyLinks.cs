using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>
/// <c>GET /api/v1/users/me/urls?page=1&amp;limit=20</c> (spec §3.7): the caller's links, newest first by default;
/// <c>q</c> searches code and destination, <c>sort</c> and <c>order</c> pick the column. Deleted links are not listed.
/// </summary>
public static class ListMyLinks
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    // Caps page so that (page - 1) * limit cannot overflow.
    private const int MaxPage = 10_000_000;

    // No stored code or destination is longer, so a longer search could never match anything.
    private const int MaxSearchLength = ShortLinkConfiguration.LongUrlMaxLength;

    private const string LikeEscape = "\\";

    public static async Task<IResult> HandleAsync(
        [FromQuery(Name = "page")] string? pageText,
        [FromQuery(Name = "limit")] string? limitText,
        [FromQuery(Name = "q")] string? search,
        [FromQuery(Name = "sort")] string? sort,
        [FromQuery(Name = "order")] string? order,
        HttpRequest http,
        ClaimsPrincipal user,
        AppDbContext db,
        ShortUrls shortUrls,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Parsed here rather than bound as int, so that "page=abc" gets a sentence instead of the framework's bare 400.
        if (!TryParse(pageText, 1, out var page))
        {
            return ApiResults.Error(PageProblem);
        }

        if (!TryParse(limitText, DefaultLimit, out var limit))
        {
            return ApiResults.Error(LimitProblem);
        }

        bool descending;
        if (string.IsNullOrEmpty(order) || string.Equals(order, "desc", StringComparison.OrdinalIgnoreCase))
        {
            descending = true;
        }
        else if (string.Equals(order, "asc", StringComparison.OrdinalIgnoreCase))
        {
            descending = false;
        }
        else
        {
            return ApiResults.BadRequest(ErrorCodes.ValidationFailed, "order must be asc or desc.");
        }

        var query = new MyLinksQuery(page, limit, search, string.IsNullOrEmpty(sort) ? MyLinksSort.CreatedAt : sort, descending);
        // RequireAuthorization has let only signed-in callers through.
        var outcome = await ListAsync(user.UserId()!.Value, query, RequestOrigin.Of(http), db, shortUrls, time, cancellationToken);
        return outcome.ToHttpResult();
    }

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<Outcome<MyLinksPage>> ListAsync(
        long userId,
        MyLinksQuery query,
        RequestOrigin origin,
        AppDbContext db,
        ShortUrls shortUrls,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (query.Page is < 1 or > MaxPage)
        {
            return PageProblem;
        }

        if (query.Limit is < 1 or > MaxLimit)
        {
            return LimitProblem;
        }

        var sort = MyLinksSort.All.FirstOrDefault(s => string.Equals(s, query.Sort, StringComparison.OrdinalIgnoreCase));
        if (sort is null)
        {
            return ApiProblem.BadRequest(ErrorCodes.ValidationFailed, $"sort must be one of {string.Join(", ", MyLinksSort.All)}.");
        }

        var search = query.Search?.Trim() ?? "";
        if (search.Length > MaxSearchLength)
        {
            return ApiProblem.BadRequest(ErrorCodes.ValidationFailed, $"q must be at most {MaxSearchLength} characters.");
        }

        var mine = db.Links.AsNoTracking().OwnedBy(userId);
        if (search.Length > 0)
        {
            // lower() on both sides rather than ILIKE: one code path for PostgreSQL and SQLite. Destinations are stored
            // in ASCII (punycode, percent-encoding), where lower() is exact on both.
            var pattern = $"%{EscapeLike(search.ToLowerInvariant())}%";
            mine = mine.Where(l => EF.Functions.Like(l.ShortCode.ToLower(), pattern, LikeEscape)
                || EF.Functions.Like(l.LongUrl.ToLower(), pattern, LikeEscape));
        }

        var total = await mine.LongCountAsync(cancellationToken);
        var rows = await Sort(mine, sort, query.Descending)
            .Skip((query.Page - 1) * query.Limit)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var urls = rows
            .Select(l => new MyLink(
                l.ShortCode, l.LongUrl, l.ClickCount, l.CreatedAt, shortUrls.For(origin, l.ShortCode), l.ExpiresAt, l.StatusAt(now)))
            .ToList();
        return new MyLinksPage(urls, new Pagination(query.Page, query.Limit, total));
    }

    private static ApiProblem PageProblem => ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "page must be a whole number of at least 1.");

    private static ApiProblem LimitProblem =>
        ApiProblem.BadRequest(ErrorCodes.ValidationFailed, $"limit must be a whole number from 1 to {MaxLimit}.");

    /// <summary>The chosen column, then the id in the same direction, so that equal values page stably.</summary>
    private static IOrderedQueryable<ShortLink> Sort(IQueryable<ShortLink> links, string sort, bool descending)
    {
        var ordered = sort switch
        {
            MyLinksSort.Clicks => By(links, l => l.ClickCount, descending),
            MyLinksSort.ShortCode => By(links, l => l.ShortCode, descending),
            MyLinksSort.LongUrl => By(links, l => l.LongUrl, descending),
            // "Never" sorts as the farthest expiry on both databases, which disagree on where NULL goes.
            MyLinksSort.ExpiresAt => ThenBy(By(links, l => l.ExpiresAt == null, descending), l => l.ExpiresAt, descending),
            _ => By(links, l => l.CreatedAt, descending),
        };
        return ThenBy(ordered, l => l.Id, descending);
    }

    private static IOrderedQueryable<ShortLink> By<TKey>(IQueryable<ShortLink> links, Expression<Func<ShortLink, TKey>> key, bool descending) =>
        descending ? links.OrderByDescending(key) : links.OrderBy(key);

    private static IOrderedQueryable<ShortLink> ThenBy<TKey>(IOrderedQueryable<ShortLink> links, Expression<Func<ShortLink, TKey>> key, bool descending) =>
        descending ? links.ThenByDescending(key) : links.ThenBy(key);

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static bool TryParse(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= MaxPage;
    }
}
