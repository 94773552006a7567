using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Features.Analytics;

/// <summary>
/// <c>GET /api/v1/analytics/{short_code}</c>: served from the per-day aggregates the workers maintain, never from
/// raw events, so its cost depends on the number of days asked for, not on the number of clicks.
/// </summary>
public static class GetLinkAnalytics
{
    private const int TopReferrers = 10;
    private const int TopCities = 20;

    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "short_code")] string shortCode,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "group_by")] string? groupBy,
        ClaimsPrincipal user,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (analytics, problem) = await QueryAsync(shortCode, startDate, endDate, groupBy, user, db, time, cancellationToken);
        return problem is null ? ApiResults.Ok(analytics!) : ApiResults.Error(problem);
    }

    /// <summary>The use case, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<(LinkAnalytics? Analytics, ApiProblem? Problem)> QueryAsync(
        string shortCode,
        string? startDate,
        string? endDate,
        string? groupBy,
        ClaimsPrincipal user,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Another account's link and a deleted one answer like a missing one; anonymous links' analytics stay public.
        var link = await db.Links.AsNoTracking()
            .VisibleTo(user.UserId())
            .Where(l => l.ShortCode == shortCode)
            .Select(l => new { l.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return (null, LinkAccess.NotFound(shortCode));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (query, problem) = AnalyticsQuery.Parse(startDate, endDate, groupBy, DateOnly.FromDateTime(link.CreatedAt.UtcDateTime), today);
        if (problem is not null)
        {
            return (null, problem);
        }

        var days = await db.DailyStats.AsNoTracking()
            .Where(s => s.ShortCode == shortCode && s.Day >= query!.Start && s.Day <= query.End)
            .Select(s => new { s.Day, s.Clicks, s.HumanClicks, s.UniqueVisitors })
            .ToListAsync(cancellationToken);
        var breakdowns = await db.DailyDimensions.AsNoTracking()
            .Where(d => d.ShortCode == shortCode && d.Day >= query!.Start && d.Day <= query.End)
            .GroupBy(d => new { d.Dimension, d.Value })
            .Select(g => new { g.Key.Dimension, g.Key.Value, Clicks = g.Sum(d => d.Clicks) })
            .ToListAsync(cancellationToken);

        var human = days.Sum(d => d.HumanClicks);
        var byDate = days
            .GroupBy(d => query!.PeriodOf(d.Day))
            .OrderByDescending(g => g.Key)
            .Select(g => new DateCount(g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Sum(d => d.HumanClicks)))
            .ToList();

        List<(string Value, long Count, double Percentage)> Top(string dimension, int limit = int.MaxValue) => breakdowns
            .Where(b => b.Dimension == dimension)
            .OrderByDescending(b => b.Clicks)
            .ThenBy(b => b.Value, StringComparer.Ordinal)
            .Take(limit)
            .Select(b => (b.Value, b.Clicks, Percent(b.Clicks, human)))
            .ToList();

        return (new LinkAnalytics(
            shortCode,
            query!.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            query.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            query.GroupBy,
            human,
            days.Sum(d => d.UniqueVisitors),
            days.Sum(d => d.Clicks - d.HumanClicks),
            byDate,
            [.. Top(Dimensions.Country).Select(t => new CountryCount(t.Value, t.Count, t.Percentage))],
            [.. Top(Dimensions.City, TopCities).Select(t => new CityCount(t.Value, t.Count, t.Percentage))],
            [.. Top(Dimensions.Device).Select(t => new DeviceCount(t.Value, t.Count, t.Percentage))],
            [.. Top(Dimensions.Browser).Select(t => new BrowserCount(t.Value, t.Count, t.Percentage))],
            [.. Top(Dimensions.Os).Select(t => new OsCount(t.Value, t.Count, t.Percentage))],
            [.. Top(Dimensions.Referrer, TopReferrers).Select(t => new ReferrerCount(t.Value, t.Count))]), null);
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(part * 100.0 / whole, 1);
}
