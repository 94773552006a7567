namespace UrlShortener.Web.Features.Analytics;

/// <summary>Which (hashed) visitors were already counted for a link on a day; table <c>link_daily_visitors</c>.</summary>
public sealed class LinkDailyVisitor
{
    public required string ShortCode { get; set; }

    public DateOnly Day { get; set; }

    public required string VisitorHash { get; set; }
}
