using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Client.Features.Analytics;

namespace UrlShortener.Web.Client.Tests.Features.Analytics;

public sealed class AnalyticsPanelTests : MudTestContext
{
    private static readonly DateOnly Start = new(2026, 11, 30);
    private static readonly DateOnly End = new(2026, 12, 4);
    private readonly FakeAnalyticsClient _analytics = new();

    public AnalyticsPanelTests()
    {
        Services.AddSingleton<IAnalyticsClient>(_analytics);
        Interactive();
    }

    [Fact]
    public void RendersTotalsAndAChartForTimeCountriesDevicesBrowsersAndReferrers()
    {
        _analytics.Answer = FakeAnalyticsClient.Busy("my-link");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Equal("12", panel.Find("[data-stat=clicks]").TextContent.Trim()));
        Assert.Equal("7", panel.Find("[data-stat=unique]").TextContent.Trim());
        Assert.Equal("3", panel.Find("[data-stat=bots]").TextContent.Trim());
        foreach (var chart in new[] { "clicks-over-time", "countries", "devices", "browsers", "referrers" })
        {
            Assert.NotNull(panel.Find($"figure[data-chart={chart}] svg"));
        }

        Assert.Equal([("my-link", Start, End)], _analytics.Requests);
        Assert.Empty(panel.FindAll(".analytics-empty"));
    }

    [Fact]
    public void PlotsEveryDayOfTheRangeOldestFirstWithZeroesForQuietDays()
    {
        _analytics.Answer = FakeAnalyticsClient.Busy("my-link");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("figure[data-chart=clicks-over-time] svg")));
        var axis = panel.Find("figure[data-chart=clicks-over-time]").TextContent;
        var labels = new[] { "Nov 30", "Dec 1", "Dec 2", "Dec 3", "Dec 4" };
        var positions = labels.Select(l => axis.IndexOf(l, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, axis));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void LabelsAboutEightDaysOfALongRangeSoTheyDoNotOverprint()
    {
        _analytics.Answer = FakeAnalyticsClient.Busy("my-link");

        var panel = Render<AnalyticsPanel>(p => p.Add(x => x.ShortCode, "my-link").Add(x => x.Start, End.AddDays(-59)).Add(x => x.End, End));

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("figure[data-chart=clicks-over-time] svg")));
        var dayLabels = panel.FindAll("figure[data-chart=clicks-over-time] text")
            .Select(t => t.TextContent.Trim())
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[A-Z][a-z]{2} \d{1,2}$"))
            .ToList();
        Assert.InRange(dayLabels.Count, 6, 9);
        Assert.Equal("Dec 4", dayLabels[^1]);
    }

    [Fact]
    public void ListsTheBreakdownsAsTablesToo()
    {
        _analytics.Answer = FakeAnalyticsClient.Busy("my-link");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-breakdown=countries] tbody tr")));
        var countries = panel.FindAll("[data-breakdown=countries] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, countries.Count);
        Assert.Contains("US", countries[0]);
        Assert.Contains("75%", countries[0]);
        Assert.Contains("news.ycombinator.com", panel.Find("[data-breakdown=referrers]").TextContent);
    }

    [Fact]
    public void SaysSoWhenNobodyClickedYet()
    {
        _analytics.Answer = FakeAnalyticsClient.Empty("my-link");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Contains("No visits by people between 2026-11-30 and 2026-12-04", panel.Find(".analytics-empty").TextContent));
        Assert.Empty(panel.FindAll("figure"));
        Assert.Equal("0", panel.Find("[data-stat=clicks]").TextContent.Trim());
    }

    [Fact]
    public void ShowsTheServersMessageWhenRefused()
    {
        _analytics.Error = new ApiError(ErrorCodes.NotFound, "No short link 'my-link' exists.");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Equal("No short link 'my-link' exists.", panel.Find(".analytics-error").TextContent.Trim()));
        Assert.Empty(panel.FindAll("figure"));
    }

    [Fact]
    public void LoadsAgainWhenTheRangeChanges()
    {
        _analytics.Answer = FakeAnalyticsClient.Empty("my-link");
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.Single(_analytics.Requests));

        panel.Render(p => p.Add(x => x.Start, Start.AddDays(-30)));

        panel.WaitForAssertion(() => Assert.Equal(2, _analytics.Requests.Count));
        Assert.Equal(Start.AddDays(-30), _analytics.Requests[1].Start);
    }

    [Fact]
    public async Task RefreshShowsClicksThatArrivedSinceTheFirstLoad()
    {
        _analytics.Answer = FakeAnalyticsClient.Empty("my-link");
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.Equal("0", panel.Find("[data-stat=clicks]").TextContent.Trim()));

        _analytics.Answer = FakeAnalyticsClient.Busy("my-link");
        await panel.InvokeAsync(panel.Instance.RefreshAsync);

        panel.WaitForAssertion(() => Assert.Equal("12", panel.Find("[data-stat=clicks]").TextContent.Trim()));
        Assert.NotNull(panel.Find("figure[data-chart=clicks-over-time] svg"));
    }

    private IRenderedComponent<AnalyticsPanel> RenderPanel() => Render<AnalyticsPanel>(p => p
        .Add(x => x.ShortCode, "my-link")
        .Add(x => x.Start, Start)
        .Add(x => x.End, End));
}
