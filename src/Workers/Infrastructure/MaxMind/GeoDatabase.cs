using System.Net;
using MaxMind.Db;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Infrastructure.MaxMind;

/// <summary>One memory-mapped <c>.mmdb</c> file, read in whichever of the two record layouts it uses.</summary>
internal sealed class GeoDatabase : IDisposable
{
    private readonly Reader _reader;
    private readonly bool _geoIp2Layout;

    public GeoDatabase(string path)
    {
        _reader = new Reader(path, FileAccessMode.MemoryMapped);
        // MaxMind's and DB-IP's own files name their type this way ("GeoLite2-City", "DBIP-City-Lite"); the
        // ip-location-db repackagings say "city ipv4", "country ipvAll" and store flat records.
        var type = _reader.Metadata.DatabaseType;
        _geoIp2Layout = type.StartsWith("GeoIP2", StringComparison.Ordinal)
            || type.StartsWith("GeoLite2", StringComparison.Ordinal)
            || type.StartsWith("DBIP-", StringComparison.Ordinal);
    }

    public bool HoldsIpv6 => _reader.Metadata.IPVersion == 6;

    public GeoLocation Locate(IPAddress address)
    {
        string? country;
        string? city;
        try
        {
            if (_geoIp2Layout)
            {
                var record = _reader.Find<GeoIp2Record>(address);
                country = record?.Country?.IsoCode;
                city = record?.City?.Names?.GetValueOrDefault("en");
            }
            else
            {
                var record = _reader.Find<FlatRecord>(address);
                country = record?.CountryCode;
                city = record?.City;
            }
        }
        catch (InvalidDatabaseException)
        {
            // A damaged file answers "unknown" for the addresses it cannot decode, like a missing one.
            return GeoLocation.Unknown;
        }

        return ToLocation(country, city);
    }

    public void Dispose() => _reader.Dispose();

    private static GeoLocation ToLocation(string? country, string? city)
    {
        if (string.IsNullOrEmpty(country) && string.IsNullOrEmpty(city))
        {
            return GeoLocation.Unknown;
        }

        return new GeoLocation(
            string.IsNullOrEmpty(country) ? GeoLocation.Unknown.Country : country,
            string.IsNullOrEmpty(city) ? GeoLocation.Unknown.City : CityOnly(city));
    }

    // DB-IP names many places "City (district)": "Seoul (Toegye-ro)", "Los Angeles (Downtown Los Angeles)". Keeping
    // the district would split one city over dozens of rows of the city breakdown.
    private static string CityOnly(string city)
    {
        var district = city.IndexOf(" (", StringComparison.Ordinal);
        return district > 0 ? city[..district] : city;
    }

    internal sealed class FlatRecord
    {
        [Constructor]
        public FlatRecord([MapKey("country_code")] string? countryCode, [MapKey("city")] string? city)
        {
            CountryCode = countryCode;
            City = city;
        }

        public string? CountryCode { get; }

        public string? City { get; }
    }

    internal sealed class GeoIp2Record
    {
        [Constructor]
        public GeoIp2Record([MapKey("country")] CountryNode? country, [MapKey("city")] CityNode? city)
        {
            Country = country;
            City = city;
        }

        public CountryNode? Country { get; }

        public CityNode? City { get; }
    }

    internal sealed class CountryNode
    {
        [Constructor]
        public CountryNode([MapKey("iso_code")] string? isoCode) => IsoCode = isoCode;

        public string? IsoCode { get; }
    }

    internal sealed class CityNode
    {
        [Constructor]
        public CityNode([MapKey("names")] Dictionary<string, string>? names) => Names = names;

        public Dictionary<string, string>? Names { get; }
    }
}
