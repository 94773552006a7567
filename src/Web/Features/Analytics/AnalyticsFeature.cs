using UrlShortener.Shared.Analytics;

namespace UrlShortener.Web.Features.Analytics;

public static class AnalyticsFeature
{
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IAnalyticsClient, ServerAnalyticsClient>();
        return builder;
    }
}
