using System.Globalization;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Client.Api;

namespace UrlShortener.Web.Client.Features.Analytics;

/// <summary><see cref="IAnalyticsClient"/> for WebAssembly: the public API (the sign-in cookie goes along).</summary>
public sealed class HttpAnalyticsClient(HttpClient http) : IAnalyticsClient
{
    public Task<ApiResult<LinkAnalytics>> GetAsync(
        string shortCode, DateOnly start, DateOnly end, string groupBy = "day", CancellationToken cancellationToken = default)
    {
        var url = ApiRoutes.AnalyticsFor(shortCode)
            + string.Create(CultureInfo.InvariantCulture, $"?start_date={start:yyyy-MM-dd}&end_date={end:yyyy-MM-dd}&group_by={Uri.EscapeDataString(groupBy)}");
        return ApiCall.SendAsync<LinkAnalytics>(ct => http.GetAsync(url, ct), cancellationToken);
    }
}
