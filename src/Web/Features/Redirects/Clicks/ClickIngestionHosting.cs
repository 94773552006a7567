using UrlShortener.Workers;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure;

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
        var transport = builder.Configuration.GetSection(ClicksOptions.Section).GetValue(nameof(ClicksOptions.Transport), ClickTransport.InProcess);
        if (!hostInWeb && transport == ClickTransport.InProcess)
        {
            // Nobody outside this process can read an in-process queue: the clicks would pile up and be lost.
            throw new InvalidOperationException(
                "Workers:HostInWeb is false but Clicks:Transport is 'InProcess': no worker could ever read the clicks. "
                + "Set Clicks:Transport to 'RedisStreams' or 'Kafka', or Workers:HostInWeb to true.");
        }

        builder.Services.AddClickQueue(builder.Configuration);
        if (hostInWeb)
        {
            builder.Services.AddClickIngestionWorkers(builder.Configuration, builder.Environment);
        }

        return builder;
    }
}
