using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UrlShortener.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UrlShortener.E2E;

public sealed class VisitorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HomePageExplainsTheProduct()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveTitleAsync(new Regex("Shortly"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Short links" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AVisitorShortensALinkWithTheHomePageForm()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();

        await page.GetByLabel("Long URL").FillAsync($"{fixture.Destination.Origin}/from-the-form");
        await page.GetByLabel("Custom alias").FillAsync("from-the-form");
        await Expect(page.GetByText("“from-the-form” is available.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Shorten" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{fixture.App.Origin}/from-the-form" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AVisitorFollowingAShortLinkLandsOnTheDestination()
    {
        var destination = $"{fixture.Destination.Origin}/landing";
        var shortUrl = await ShortenAsync(destination, "to-the-landing");
        Assert.Equal($"{fixture.App.Origin}/to-the-landing", shortUrl);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(shortUrl);

        await Expect(page).ToHaveURLAsync(destination);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to the destination" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnUnknownShortLinkShowsTheBrandedNotFoundPage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no-such-link-xyz");

        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.NotFound, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "URL Not Found" })).ToBeVisibleAsync();
    }

    private async Task<string> ShortenAsync(string longUrl, string alias)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var api = fixture.CreateApiClient();
        using var response = await api.PostAsJsonAsync(
            "/api/v1/shorten", new { long_url = longUrl, custom_alias = alias }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("short_url").GetString()!;
    }
}
