using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Health;

public static class HealthFeature
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        // Only the database decides readiness: without Redis the app still redirects and creates links.
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(ApiRoutes.Health, new HealthCheckOptions
        {
            ResponseWriter = (http, report) =>
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                http.Response.Headers.CacheControl = "no-store";
                return http.Response.WriteAsync(report.Status.ToString(), http.RequestAborted);
            },
        }).ShortCircuit();
        return app;
    }
}
