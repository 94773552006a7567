using UrlShortener.Workers.Infrastructure;

namespace UrlShortener.Web.Features.Redirects.Clicks;

public static class ClickCaptureSetup
{
    /// <summary>The capture half of analytics: buffer, spill and publisher, over the transport chosen by Clicks:Transport.</summary>
    public static IHostApplicationBuilder AddClickCapture(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClickCaptureOptions>()
            .BindConfiguration(ClickCaptureOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ClickMetrics>();
        builder.Services.AddSingleton<ClickBuffer>();
        builder.Services.AddSingleton<IClickEventSink>(sp => sp.GetRequiredService<ClickBuffer>());
        builder.Services.AddSingleton<ClickSpill>();
        builder.Services.AddHostedService<ClickPublisher>();
        builder.Services.AddClickQueue(builder.Configuration);
        return builder;
    }
}
