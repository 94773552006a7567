using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no socket, so no remote address; this makes every request arrive from a local proxy,
/// which the app trusts for X-Forwarded-For, as it would behind a load balancer on the same host.
/// </summary>
public sealed class LocalProxyStartupFilter : IStartupFilter
{
    /// <summary>A test may name the connecting peer instead (to play an untrusted client).</summary>
    public const string PeerHeader = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress ??= http.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address)
                ? address
                : IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}
