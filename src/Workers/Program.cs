using Microsoft.Extensions.Hosting;

namespace UrlShortener.Workers;

/// <summary>
/// Entry point of the stand-alone worker process (production mode). The click consumers arrive with the
/// analytics issue; until then the host starts, reports itself healthy to the orchestrator and idles.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        using var host = builder.Build();
        await host.RunAsync();
    }
}
