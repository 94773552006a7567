using System.Net;
using System.Net.Sockets;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// Drops the part of an IP address that points at one subscriber: the last IPv4 octet (a /24 stays) or the
/// last 80 bits of IPv6 (a /48, one site, stays). Enough for country and city, not enough for a person.
/// </summary>
public static class IpAnonymizer
{
    private const int KeptIPv6Bytes = 6;

    public static IPAddress Anonymize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        if (address.IsIPv4MappedToIPv6)
        {
            // Dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d; they are IPv4 clients and stored as such.
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        bytes = bytes[..length];

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
        }
        else
        {
            bytes[KeptIPv6Bytes..].Clear();
        }

        // The scope id (interface index) is local to the capturing machine and identifies nothing useful.
        return new IPAddress(bytes);
    }
}
