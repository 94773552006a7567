using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Analytics;

/// <summary>The analytics API as the dashboard's components see it (server and HTTP implementations).</summary>
public interface IAnalyticsClient
{
    /// <summary><c>GET /api/v1/analytics/{short_code}?start_date&amp;end_date&amp;group_by</c>, dates inclusive, UTC.</summary>
    Task<ApiResult<LinkAnalytics>> GetAsync(string shortCode, DateOnly start, DateOnly end, string groupBy = "day", CancellationToken cancellationToken = default);
}
