using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Features.Redirects.Clicks;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Web.Observability;

public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Metrics through OpenTelemetry: the product's meters plus ASP.NET Core's and the runtime's, scraped by
    /// Prometheus at <c>/metrics</c> and pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("urlshortener-web"))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(RedirectMetrics.MeterName, ClickMetrics.MeterName, IngestionMetrics.MeterName)
                    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
