namespace UrlShortener.Shared.Analytics;

/// <summary>The five device classes of the analytics (stored and shown lower-case).</summary>
public static class DeviceTypes
{
    public const string Mobile = "mobile";
    public const string Desktop = "desktop";
    public const string Tablet = "tablet";
    public const string Bot = "bot";
    public const string Other = "other";

    /// <summary>Shown for a dimension the enrichment could not determine (no geo database, empty user agent).</summary>
    public const string Unknown = "unknown";
}
