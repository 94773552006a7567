namespace UrlShortener.Web.Features.Analytics;

/// <summary>Per link per UTC day: all clicks, human clicks and distinct human visitors (table <c>link_daily_stats</c>).</summary>
public sealed class LinkDailyStat
{
    public required string ShortCode { get; set; }

    public DateOnly Day { get; set; }

    public long Clicks { get; set; }

    public long HumanClicks { get; set; }

    public long UniqueVisitors { get; set; }
}
