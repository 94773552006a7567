using UrlShortener.Web.Infrastructure.Caching;
using UrlShortener.Web.Infrastructure.Redis;

namespace UrlShortener.Web.Infrastructure;

public static class InfrastructureSetup
{
    /// <summary>Adapters chosen by configuration: Redis when <c>ConnectionStrings:Redis</c> is set, in-process otherwise.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var withRedis = builder.AddRedis();
        builder.AddLinkCache(withRedis);
        return builder;
    }
}
