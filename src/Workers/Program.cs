using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using UrlShortener.Workers.Infrastructure;

namespace UrlShortener.Workers;

/// <summary>
/// The stand-alone worker process of the production mode (<c>Workers:HostInWeb=false</c> on the web instances):
/// same configuration keys as the web app; start as many as the queue's load needs.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var transport = builder.Configuration.GetSection(ClicksOptions.Section).GetValue(nameof(ClicksOptions.Transport), ClickTransport.InProcess);
        if (transport == ClickTransport.InProcess)
        {
            // An in-process channel lives inside the web process; a separate worker would never see a click.
            throw new InvalidOperationException(
                "Clicks:Transport is 'InProcess', which only works with the workers hosted in the web app (Workers:HostInWeb=true). "
                + "Set Clicks:Transport to 'RedisStreams' or 'Kafka' to run src/Workers as its own process.");
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["Database:Provider"]))
        {
            // The web app may default to SQLite next to itself; a separate worker guessing the same would write
            // into a different file. Say it explicitly.
            throw new InvalidOperationException(
                "Database:Provider must be set for the stand-alone worker ('Postgres', with ConnectionStrings:Postgres, in production).");
        }

        builder.Services.AddClickQueue(builder.Configuration);
        builder.Services.AddClickIngestionWorkers(builder.Configuration, builder.Environment);
        using var host = builder.Build();
        await host.RunAsync();
    }
}
