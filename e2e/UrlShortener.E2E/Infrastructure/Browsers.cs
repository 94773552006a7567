namespace UrlShortener.E2E.Infrastructure;

internal static class Browsers
{
    /// <summary>
    /// Headless Chromium says "HeadlessChrome", which the click enricher rightly files under bots; the analytics
    /// count people, so the journeys browse as the desktop Chrome they stand in for.
    /// </summary>
    public const string DesktopChrome =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
}
