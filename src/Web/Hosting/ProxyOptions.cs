namespace UrlShortener.Web.Hosting;

/// <summary>Section <c>Proxy</c>: the load balancers whose X-Forwarded-For / X-Forwarded-Proto are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies (loopback is always trusted).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Trusted networks in CIDR notation, e.g. <c>10.0.0.0/8</c> for a private load-balancer subnet.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
