using UrlShortener.Workers;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Web.Features.Redirects.Clicks;

public static class ClickIngestionHosting
{
    /// <summary>
    /// With <c>Workers:HostInWeb</c> (the default) the ingestion workers run inside this process, which the embedded
    /// mode needs; production sets it to false and runs <c>src/Workers</c> as its own process.
    /// </summary>
    public static IHostApplicationBuilder AddClickIngestionInWeb(this IHostApplicationBuilder builder)
    {
        var hostInWeb = builder.Configuration.GetSection(WorkersOptions.Section).GetValue(nameof(WorkersOptions.HostInWeb), true);
        if (hostInWeb)
        {
            builder.Services.AddClickIngestionWorkers(builder.Configuration, builder.Environment);
        }

        return builder;
    }
}
