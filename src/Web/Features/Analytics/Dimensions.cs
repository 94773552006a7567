namespace UrlShortener.Web.Features.Analytics;

/// <summary>Names of the breakdowns in <c>link_daily_dimensions</c>, shared with the workers' stores.</summary>
public static class Dimensions
{
    public const string Country = "country";
    public const string City = "city";
    public const string Device = "device";
    public const string Browser = "browser";
    public const string Os = "os";
    public const string Referrer = "referrer";
}
