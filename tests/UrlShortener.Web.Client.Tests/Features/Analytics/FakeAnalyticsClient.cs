using System.Globalization;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Client.Tests.Features.Analytics;

internal sealed class FakeAnalyticsClient : IAnalyticsClient
{
    public LinkAnalytics? Answer { get; set; }

    public ApiError? Error { get; set; }

    public List<(string Code, DateOnly Start, DateOnly End)> Requests { get; } = [];

    public Task<ApiResult<LinkAnalytics>> GetAsync(string shortCode, DateOnly start, DateOnly end, string groupBy = "day", CancellationToken cancellationToken = default)
    {
        Requests.Add((shortCode, start, end));
        return Task.FromResult(Error is { } error
            ? ApiResult<LinkAnalytics>.Failure(error)
            : ApiResult<LinkAnalytics>.Success(Answer! with
            {
                StartDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
    }

    public static LinkAnalytics Empty(string code) =>
        new(code, "", "", "day", 0, 0, 0, [], [], [], [], [], [], []);

    /// <summary>12 human clicks on two days, from two countries, two devices, two browsers and one referrer; 3 bots.</summary>
    public static LinkAnalytics Busy(string code) =>
        new(code, "", "", "day", 12, 7, 3,
            [new DateCount("2026-12-03", 4), new DateCount("2026-12-01", 8)],
            [new CountryCount("US", 9, 75), new CountryCount("DE", 3, 25)],
            [new CityCount("Boston", 9, 75)],
            [new DeviceCount("mobile", 8, 66.7), new DeviceCount("desktop", 4, 33.3)],
            [new BrowserCount("Chrome", 10, 83.3), new BrowserCount("Firefox", 2, 16.7)],
            [new OsCount("Android", 8, 66.7)],
            [new ReferrerCount("news.ycombinator.com", 6)]);
}
