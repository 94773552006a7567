using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UrlShortener.E2E.Infrastructure;

/// <summary>A stand-in for the site a short link leads to.</summary>
public sealed class DestinationSite : IAsyncDisposable
{
    private const string LandingPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Destination</title></head>
        <body><h1>Welcome to the destination</h1></body></html>
        """;

    private readonly WebApplication _app;

    private DestinationSite(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>
    /// <c>localhost</c>, not <c>127.0.0.1</c>: the shortener refuses destinations on its own host name whatever the
    /// port (a link to itself would loop), so the destination must look like another host.
    /// </summary>
    public string Origin { get; }

    public static async Task<DestinationSite> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenLocalhost(port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/landing", () => Results.Content(LandingPage, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new DestinationSite(app, $"http://localhost:{port}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
