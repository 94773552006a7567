using Microsoft.Playwright;

namespace UrlShortener.E2E.Infrastructure;

/// <summary>The app, a destination site and one headless Chromium, started once for a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("urlshortener-e2e-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ShortenerServer App { get; private set; } = null!;

    public DestinationSite Destination { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Fail on a missing browser before spending time on the servers.
        var launchOptions = Chromium.LaunchOptions();
        App = new ShortenerServer(Path.Combine(_folder, "links.db"));
        // The three start side by side; the app runs its migrations here, before the first test.
        var app = Task.Run(App.StartServer);
        var destination = DestinationSite.StartAsync();
        var browser = LaunchBrowserAsync(launchOptions);
        await Task.WhenAll(app, destination, browser);
        Destination = await destination;
    }

    /// <summary>A fresh browser context (own cookies and storage) whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync(string? userAgent = null) =>
        _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.Origin, UserAgent = userAgent });

    public HttpClient CreateApiClient() => new() { BaseAddress = new Uri(App.Origin) };

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Destination is not null)
        {
            await Destination.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task LaunchBrowserAsync(BrowserTypeLaunchOptions options)
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(options);
    }
}
