namespace UrlShortener.Web.Features.Redirects;

public static class RedirectsFeature
{
    public static IHostApplicationBuilder AddRedirects(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedirectMetrics>();
        builder.Services.AddSingleton<RedirectHandler>();
        return builder;
    }
}
