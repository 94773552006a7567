using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace UrlShortener.Web.Hosting;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Client addresses for analytics come from X-Forwarded-For, but only when the request arrives from a trusted
    /// proxy; anyone else could claim to be anywhere.
    /// </summary>
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies contains '{proxy}', which is not an IP address."));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Proxy:KnownNetworks contains '{network}', which is not a CIDR network."));
            }
        });
        return builder;
    }
}
