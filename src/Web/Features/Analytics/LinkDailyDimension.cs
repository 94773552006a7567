namespace UrlShortener.Web.Features.Analytics;

/// <summary>
/// Human clicks per link per UTC day per value of one dimension (<see cref="Dimensions"/>), table
/// <c>link_daily_dimensions</c>. Kept up to date by the ingestion workers in the same transaction as the raw events.
/// </summary>
public sealed class LinkDailyDimension
{
    public required string ShortCode { get; set; }

    public DateOnly Day { get; set; }

    public required string Dimension { get; set; }

    public required string Value { get; set; }

    public long Clicks { get; set; }
}
