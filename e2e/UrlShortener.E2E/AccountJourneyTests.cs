using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UrlShortener.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UrlShortener.E2E;

/// <summary>The account holder's whole round trip through the dashboard, in one browser session.</summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignUpShortenFollowSeeTheClickThenCreateUseAndRevokeAnApiKey()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var context = await fixture.NewContextAsync(Browsers.DesktopChrome);
        var page = await context.NewPageAsync();

        // Sign up: lands on the (empty) links table.
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync("journey@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough passphrase");
        await page.GetByLabel("Confirm password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/links$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My links" })).ToBeVisibleAsync();
        await Expect(page.GetByText("You have no links yet")).ToBeVisibleAsync();

        // Shorten with a custom alias.
        await page.GetByRole(AriaRole.Link, new() { Name = "New link" }).ClickAsync();
        // Enhanced navigation swaps the page in place: wait for the new page before trusting its interactive marker,
        // or the marker of the page being left answers and the typing is lost when the form turns interactive.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Short links, fast redirects, honest analytics" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await page.GetByLabel("Long URL").FillAsync($"{fixture.Destination.Origin}/landing");
        await page.GetByLabel("Custom alias").FillAsync("journey");
        await Expect(page.GetByLabel("Long URL")).ToHaveValueAsync($"{fixture.Destination.Origin}/landing");
        await Expect(page.GetByText("“journey” is available.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Shorten" }).ClickAsync();
        var shortUrl = $"{fixture.App.Origin}/journey";
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = shortUrl })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"QR code that opens {shortUrl}" })).ToBeVisibleAsync();

        // Follow it like a visitor.
        await page.GotoAsync(shortUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to the destination" })).ToBeVisibleAsync();

        // The link is in the table, and its analytics count the click (the workers run in the app's process).
        await page.GotoAsync("/links");
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "journey", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "journey", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        var clicks = page.Locator("[data-stat=clicks]");
        await WaitUntilAsync(async () =>
        {
            if (await clicks.CountAsync() == 1 && (await clicks.InnerTextAsync()).Trim() == "1")
            {
                return true;
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            return false;
        });
        await Expect(page.Locator("figure[data-chart=clicks-over-time] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-breakdown=devices]")).ToContainTextAsync("desktop");

        // An API key: shown once, works, then revoked and refused.
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await page.GetByLabel("Key name").FillAsync("journey script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var keyBox = page.GetByLabel("New API key");
        await Expect(keyBox).ToHaveValueAsync(new Regex("^sk_"));
        var apiKey = await keyBox.InputValueAsync();

        using var api = fixture.CreateApiClient();
        using (var mine = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/urls"))
        {
            mine.Headers.Add("X-API-Key", apiKey);
            using var response = await api.SendAsync(mine, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Contains("\"short_code\":\"journey\"", body, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke journey script" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.Locator(".keys-table tbody tr").Filter(new() { HasText = "journey script" })).ToContainTextAsync("revoked");

        using (var refused = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/urls"))
        {
            refused.Headers.Add("X-API-Key", apiKey);
            using var response = await api.SendAsync(refused, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("\"code\":\"UNAUTHORIZED\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SigningInAndOutMovesBetweenTheDashboardAndTheSignInPage()
    {
        await using var context = await fixture.NewContextAsync(Browsers.DesktopChrome);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync("inout@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("another long passphrase");
        await page.GetByLabel("Confirm password").FillAsync("another long passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/links$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/links");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        await page.GetByLabel("E-mail").FillAsync("inout@example.com");
        await page.GetByLabel("Password").FillAsync("wrong password here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail address or the password is wrong.");

        await page.GetByLabel("Password").FillAsync("another long passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/links$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My links" })).ToBeVisibleAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // Seconds normally (one worker batch); the margin is for a machine busy with other builds.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The click did not reach the analytics within 90 s.");
            await Task.Delay(500);
        }
    }
}
