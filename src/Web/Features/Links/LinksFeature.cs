using Microsoft.Extensions.Options;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Features.Links;

public static class LinksFeature
{
    public static IHostApplicationBuilder AddLinks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShortLinksOptions>()
            .BindConfiguration(ShortLinksOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => new ShortCodeEncoder(sp.GetRequiredService<IOptions<ShortLinksOptions>>().Value.CodeKey));
        builder.Services.AddSingleton<ShortCodeAllocator>();
        builder.Services.AddSingleton<ReservedAliases>();
        builder.Services.AddSingleton<AliasPolicy>();
        builder.Services.AddSingleton<ShortUrls>();
        builder.Services.AddScoped<ILinksClient, ServerLinksClient>();
        builder.Services.AddHostedService<StartupWarnings>();
        return builder;
    }
}
