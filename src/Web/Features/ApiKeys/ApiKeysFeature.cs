using UrlShortener.Shared.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

public static class ApiKeysFeature
{
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IApiKeysClient, ServerApiKeysClient>();
        return builder;
    }
}
