using UrlShortener.Web.Infrastructure.Caching;
using UrlShortener.Web.Infrastructure.Redis;
using UrlShortener.Web.Infrastructure.Smtp;

namespace UrlShortener.Web.Infrastructure;

public static class InfrastructureSetup
{
    /// <summary>
    /// Adapters chosen by configuration: Redis when <c>ConnectionStrings:Redis</c> is set, in-process otherwise; SMTP when
    /// <c>Smtp:Host</c> is set, the log otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var withRedis = builder.AddRedis();
        builder.AddLinkCache(withRedis);
        builder.AddAccountMail();
        return builder;
    }
}
