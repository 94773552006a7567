using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Analytics;

/// <summary>
/// Answer of <c>GET /api/v1/analytics/{short_code}</c> (spec §3.5 plus city, browser, OS and bot counts).
/// Every count except <see cref="BotClicks"/> counts human clicks only.
/// </summary>
public sealed record LinkAnalytics(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("start_date")] string StartDate,
    [property: JsonPropertyName("end_date")] string EndDate,
    [property: JsonPropertyName("group_by")] string GroupBy,
    [property: JsonPropertyName("total_clicks")] long TotalClicks,
    [property: JsonPropertyName("unique_clicks")] long UniqueClicks,
    [property: JsonPropertyName("bot_clicks")] long BotClicks,
    [property: JsonPropertyName("clicks_by_date")] IReadOnlyList<DateCount> ClicksByDate,
    [property: JsonPropertyName("clicks_by_country")] IReadOnlyList<CountryCount> ClicksByCountry,
    [property: JsonPropertyName("clicks_by_city")] IReadOnlyList<CityCount> ClicksByCity,
    [property: JsonPropertyName("clicks_by_device")] IReadOnlyList<DeviceCount> ClicksByDevice,
    [property: JsonPropertyName("clicks_by_browser")] IReadOnlyList<BrowserCount> ClicksByBrowser,
    [property: JsonPropertyName("clicks_by_os")] IReadOnlyList<OsCount> ClicksByOs,
    [property: JsonPropertyName("top_referrers")] IReadOnlyList<ReferrerCount> TopReferrers);

public sealed record DateCount([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("count")] long Count);

public sealed record CountryCount(
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("percentage")] double Percentage);

public sealed record CityCount(
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("percentage")] double Percentage);

public sealed record DeviceCount(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("percentage")] double Percentage);

public sealed record BrowserCount(
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("percentage")] double Percentage);

public sealed record OsCount(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("percentage")] double Percentage);

public sealed record ReferrerCount([property: JsonPropertyName("referrer")] string Referrer, [property: JsonPropertyName("count")] long Count);
