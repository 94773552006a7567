using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>Reads the client IP captured with a click.</summary>
public static class ClientAddress
{
    /// <summary>
    /// Parses a plain address ("203.0.113.7", "2001:db8::1") and, to be tolerant of other capture paths, an
    /// address with a port ("203.0.113.7:5678", "[2001:db8::1]:443"). IPv4-mapped IPv6 addresses come back as
    /// IPv4 and scope ids are dropped, so one client always yields one address (and one visitor hash).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (!IPAddress.TryParse(span, out var parsed))
        {
            if (!IPEndPoint.TryParse(span, out var endPoint))
            {
                return false;
            }

            parsed = endPoint.Address;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            parsed = parsed.MapToIPv4();
        }
        else if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId != 0)
        {
            parsed = new IPAddress(parsed.GetAddressBytes());
        }

        address = parsed;
        return true;
    }
}
