using System.Net;
using System.Net.Sockets;
using MaxMind.Db;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Infrastructure.MaxMind;

/// <summary>
/// Country and city from local <c>.mmdb</c> files, memory-mapped once and shared by every worker thread (the
/// reader is thread-safe). Reads the flat records of the ip-location-db packages that scripts/geo.sh installs
/// (<c>country_code</c>, <c>city</c>) and the GeoIP2 layout of MaxMind's and DB-IP's own downloads
/// (<c>country.iso_code</c>, <c>city.names.en</c>). Without a database every address is unknown; nothing throws.
/// </summary>
public sealed partial class MaxMindGeoLocator : IGeoLocator, IDisposable
{
    private readonly GeoDatabase? _ipv4;
    private readonly GeoDatabase? _ipv6;

    public MaxMindGeoLocator(IOptions<GeoOptions> options, IHostEnvironment environment, ILogger<MaxMindGeoLocator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = options.Value;
        var problems = new List<string>();
        var main = Open(settings.DatabasePath, nameof(GeoOptions.DatabasePath), environment.ContentRootPath, problems);
        var ipv6 = string.IsNullOrWhiteSpace(settings.Ipv6DatabasePath)
            ? null
            : Open(settings.Ipv6DatabasePath, nameof(GeoOptions.Ipv6DatabasePath), environment.ContentRootPath, problems);

        _ipv4 = main;
        _ipv6 = ipv6 ?? (main?.HoldsIpv6 == true ? main : null);
        if (_ipv4 is null || _ipv6 is null)
        {
            var families = _ipv4 is null && _ipv6 is null ? "any" : _ipv4 is null ? "IPv4" : "IPv6";
            LogNoDatabase(logger, families, string.Join("; ", problems));
        }
    }

    public GeoLocation Locate(IPAddress? address)
    {
        if (address is null)
        {
            return GeoLocation.Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var database = address.AddressFamily == AddressFamily.InterNetwork ? _ipv4 : _ipv6;
        if (database is null || !IsPublic(address))
        {
            return GeoLocation.Unknown;
        }

        return database.Locate(address);
    }

    public void Dispose()
    {
        _ipv4?.Dispose();
        if (!ReferenceEquals(_ipv6, _ipv4))
        {
            _ipv6?.Dispose();
        }
    }

    private static GeoDatabase? Open(string path, string key, string contentRoot, List<string> problems)
    {
        var fullPath = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(fullPath))
        {
            problems.Add($"no file at {fullPath} (Geo:{key})");
            return null;
        }

        try
        {
            return new GeoDatabase(fullPath);
        }
        catch (Exception ex) when (ex is InvalidDatabaseException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{fullPath} (Geo:{key}) is unreadable: {ex.Message}");
            return null;
        }
    }

    // Private, loopback, link-local, shared (CGNAT) and multicast ranges have no place on a map; the database
    // would miss them anyway, this answers without the lookup.
    private static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168));
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Geo database missing for {Families} addresses ({Problems}): those clicks get location 'unknown'. " +
                  "Run scripts/geo.sh to fetch the DB-IP Lite files, or point Geo:DatabasePath (and Geo:Ipv6DatabasePath) at an .mmdb file.")]
    private static partial void LogNoDatabase(ILogger logger, string families, string problems);
}
