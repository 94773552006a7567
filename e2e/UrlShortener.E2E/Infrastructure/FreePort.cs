using System.Net;
using System.Net.Sockets;

namespace UrlShortener.E2E.Infrastructure;

internal static class FreePort
{
    /// <summary>
    /// A loopback port that is free right now. The app must know its own origin before it starts
    /// (<c>ShortLinks:BaseUrl</c>), so Kestrel's own port 0 does not do; the gap until Kestrel binds is milliseconds.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
