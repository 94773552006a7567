using System.Globalization;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Analytics;

/// <summary>The validated query string of the analytics endpoint: an inclusive UTC date range and a grouping.</summary>
public sealed record AnalyticsQuery(DateOnly Start, DateOnly End, string GroupBy)
{
    public const int MaxDays = 3660;
    private static readonly string[] Groupings = ["day", "week", "month"];
    private static readonly string[] IsoDateTimes = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>Defaults: from the link's creation day (at most ten years back) to today, by day.</summary>
    public static (AnalyticsQuery? Query, ApiProblem? Problem) Parse(
        string? startDate, string? endDate, string? groupBy, DateOnly created, DateOnly today)
    {
        if (!TryParseDate(endDate, today, out var end))
        {
            return (null, Invalid("end_date"));
        }

        var fallbackStart = created > end ? end : created;
        if (end.DayNumber - fallbackStart.DayNumber >= MaxDays)
        {
            fallbackStart = end.AddDays(-(MaxDays - 1));
        }

        if (!TryParseDate(startDate, fallbackStart, out var start))
        {
            return (null, Invalid("start_date"));
        }

        if (start > end)
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "start_date must not be after end_date."));
        }

        if (end.DayNumber - start.DayNumber >= MaxDays)
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "The date range may span at most ten years."));
        }

        var grouping = string.IsNullOrEmpty(groupBy) ? "day" : groupBy.ToLowerInvariant();
        if (!Groupings.Contains(grouping))
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "group_by must be day, week or month."));
        }

        return (new AnalyticsQuery(start, end, grouping), null);
    }

    /// <summary>The first day of the period a day falls in (weeks start on Monday, as ISO 8601 has it).</summary>
    public DateOnly PeriodOf(DateOnly day) => GroupBy switch
    {
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "month" => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static bool TryParseDate(string? text, DateOnly fallback, out DateOnly value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        // A full ISO 8601 date-time is accepted too (and nothing looser); its UTC day counts.
        if (text.Length <= 64 && DateTimeOffset.TryParseExact(text, IsoDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            value = DateOnly.FromDateTime(instant.UtcDateTime);
            return true;
        }

        return false;
    }

    private static ApiProblem Invalid(string field) =>
        ApiProblem.BadRequest(ErrorCodes.ValidationFailed, $"{field} must be an ISO date such as 2025-01-31.");
}
