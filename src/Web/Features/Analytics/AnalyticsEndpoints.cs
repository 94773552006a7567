using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.Analytics;

public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Analytics, GetLinkAnalytics.HandleAsync).WithName("GetLinkAnalytics").WithTags("Analytics");
        return app;
    }
}
