using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UrlShortener.E2E.Infrastructure;

/// <summary>The web app on a real loopback socket (Kestrel, not the in-memory TestServer), so a browser can reach it.</summary>
public sealed class ShortenerServer : WebApplicationFactory<Program>
{
    private readonly string _databaseFile;

    public ShortenerServer(string databaseFile)
    {
        _databaseFile = databaseFile;
        var port = FreePort.Next();
        Origin = $"http://127.0.0.1:{port}";
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>Where the app listens, and the origin of its short links.</summary>
    public string Origin { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host serves only its own wwwroot; the framework's and MudBlazor's assets
        // (blazor.web.js, _content/MudBlazor) come from the build's static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_databaseFile}");
        builder.UseSetting("ShortLinks:BaseUrl", Origin);
        builder.UseSetting("ShortLinks:CodeKey", "end-to-end-tests-code-key-0123456789");
        // The destination site is on loopback too.
        builder.UseSetting("ShortLinks:AllowPrivateDestinations", "true");
        // The tests stand in for a load balancer on loopback, so their X-Forwarded-For (visitors' addresses) counts.
        builder.UseSetting("Proxy:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
    }
}
