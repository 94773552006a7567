using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UrlShortener.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UrlShortener.E2E;

/// <summary>
/// The home page, the links table and a link's analytics in the light and the dark theme, over realistic data. Each
/// run checks that every page renders in both themes; with <c>URLSHORTENER_SCREENSHOTS</c> set to a folder (see
/// scripts/screenshots.sh) the images are kept there, which is how docs/screenshots is made.
/// </summary>
public sealed class DashboardScreenshotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "screenshot passphrase";
    private static readonly string[] Themes = ["light", "dark"];

    private static readonly (string Agent, string Ip, string? Referrer)[] Visitors =
    [
        (Browsers.DesktopChrome, "8.8.8.8", "https://news.ycombinator.com/item?id=1"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "81.2.69.142", "https://t.co/abc"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "5.9.0.1", "https://www.google.com/"),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "133.242.0.1", null),
        ("Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "200.160.2.3", "https://www.linkedin.com/"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "8.8.4.4", "https://news.ycombinator.com/"),
        ("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "3.3.3.3", null),
    ];

    [Fact]
    public async Task EveryDashboardPageRendersInBothThemesAndOnAPhone()
    {
        var keep = Environment.GetEnvironmentVariable("URLSHORTENER_SCREENSHOTS") is { Length: > 0 } dir ? Directory.CreateDirectory(dir).FullName : null;
        var folder = keep ?? Directory.CreateTempSubdirectory("urlshortener-screens-").FullName;
        var email = $"screens-{Guid.NewGuid():N}@example.com";
        await SeedAsync(email);

        foreach (var theme in Themes)
        {
            await using var context = await fixture.NewContextAsync(Browsers.DesktopChrome);
            await context.AddInitScriptAsync($"localStorage.setItem('shortly-theme', '{theme}')");
            var page = await context.NewPageAsync();
            await page.SetViewportSizeAsync(1280, 860);
            await SignInAsync(page, email);

            await page.GotoAsync("/");
            await ReadyAsync(page, theme);
            await page.GetByLabel("Long URL").FillAsync("https://www.example.com/spring/collection/2027?utm_source=newsletter");
            await page.GetByRole(AriaRole.Button, new() { Name = "Shorten" }).ClickAsync();
            await Expect(page.Locator(".shorten-qr img")).ToBeVisibleAsync();
            await ShootAsync(page, folder, $"home-{theme}.png");

            await page.GotoAsync("/links");
            await ReadyAsync(page, theme);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "spring-sale", Exact = true })).ToBeVisibleAsync();
            await ShootAsync(page, folder, $"links-{theme}.png");

            await page.GotoAsync("/links/spring-sale");
            await ReadyAsync(page, theme);
            await Expect(page.Locator("figure[data-chart=countries] svg")).ToBeVisibleAsync();
            await ShootAsync(page, folder, $"analytics-{theme}.png");
        }

        await using (var phone = await fixture.NewContextAsync(Browsers.DesktopChrome))
        {
            var page = await phone.NewPageAsync();
            await page.SetViewportSizeAsync(390, 844);
            await SignInAsync(page, email);
            foreach (var (path, name, loaded) in new[]
            {
                ("/", "home", "button:has-text('Shorten')"),
                ("/links", "links", ".link-code"),
                ("/links/spring-sale", "analytics", "figure[data-chart=countries] svg"),
                ("/account/api-keys", "api-keys", ".keys-table tbody tr"),
            })
            {
                await page.GotoAsync(path);
                await ReadyAsync(page, "light");
                await Expect(page.Locator(loaded).First).ToBeVisibleAsync();
                await NoSidewaysScrollingAsync(page, path);
                await ShootAsync(page, folder, $"{name}-phone.png", 390);
            }
        }

        if (keep is null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>On a phone the page may grow downwards, never sideways (tables stack their cells into cards).</summary>
    private static async Task NoSidewaysScrollingAsync(IPage page, string path)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a 390px wide screen");
    }

    /// <summary>An account with a few links, one of them clicked by people on several devices in several countries.</summary>
    private async Task SeedAsync(string email)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var api = fixture.CreateApiClient();
        using var registered = await api.PostAsJsonAsync("/api/v1/users/register", new { email, password = Password }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var key = JsonDocument.Parse(await registered.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("data").GetProperty("api_key").GetString()!;
        string[] aliases = ["spring-sale", "api-guide", "join-our-team", "webinar-jan", "press-kit"];
        foreach (var alias in aliases)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shorten")
            {
                Content = JsonContent.Create(new { long_url = $"{fixture.Destination.Origin}/landing?campaign={alias}", custom_alias = alias }),
            };
            create.Headers.Add("X-API-Key", key);
            using var created = await api.SendAsync(create, cancellationToken);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(cancellationToken));
        }

        // Visitors are not followed to the destination: only the redirect counts.
        using var visitors = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.Origin) };
        var expected = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (agent, ip, referrer) in Visitors.Take(Visitors.Length - round))
            {
                using var click = new HttpRequestMessage(HttpMethod.Get, "/spring-sale");
                click.Headers.TryAddWithoutValidation("User-Agent", agent);
                click.Headers.Add("X-Forwarded-For", ip);
                if (referrer is not null)
                {
                    click.Headers.Referrer = new Uri(referrer);
                }

                using var redirected = await visitors.SendAsync(click, cancellationToken);
                Assert.Equal(HttpStatusCode.Found, redirected.StatusCode);
                expected++;
            }
        }

        // The workers store clicks within a second or two; the analytics must show them before the pictures.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var stats = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/spring-sale");
            stats.Headers.Add("X-API-Key", key);
            using var answer = await api.SendAsync(stats, cancellationToken);
            var data = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("data");
            if (data.GetProperty("total_clicks").GetInt64() + data.GetProperty("bot_clicks").GetInt64() == expected)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The seeded clicks did not reach the analytics within 90 s.");
            await Task.Delay(300, cancellationToken);
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/links$"));
    }

    /// <summary>Interactive, and in the wanted theme (the toggle offers the other one).</summary>
    private static async Task ReadyAsync(IPage page, string theme)
    {
        await Expect(page.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        var other = theme == "dark" ? "Switch to light theme" : "Switch to dark theme";
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = other })).ToBeVisibleAsync();
    }

    private static async Task ShootAsync(IPage page, string folder, string name, int width = 1280)
    {
        // QR codes are images fetched after render: a picture taken before they arrive shows a blank card.
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        var header = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)) >= 600, $"{name} is suspiciously short");
    }
}
