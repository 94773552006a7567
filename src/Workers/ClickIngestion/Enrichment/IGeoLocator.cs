using System.Net;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>Country and city of an IP address, from a local database (never a network call).</summary>
public interface IGeoLocator
{
    GeoLocation Locate(IPAddress? address);
}

/// <summary>ISO 3166 alpha-2 country code and English city name; <c>unknown</c> when not found.</summary>
public sealed record GeoLocation(string Country, string City)
{
    public static readonly GeoLocation Unknown = new("unknown", "unknown");
}
