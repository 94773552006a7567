using Microsoft.Playwright;

namespace UrlShortener.E2E.Infrastructure;

/// <summary>Debian's Chromium package, never a browser that Playwright downloads (there is no internet here).</summary>
internal static class Chromium
{
    public const string PathVariable = "URLSHORTENER_CHROMIUM";

    private const string DefaultPath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install it with: apt-get install chromium " +
                $"(./scripts/test.sh installs it), or point {PathVariable} at a Chromium binary.");
        }

        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Without the background-networking switches Chromium keeps calling home, which on a machine
            // without internet means a stream of failing connections.
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        };
    }
}
