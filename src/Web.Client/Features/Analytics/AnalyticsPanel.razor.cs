using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Web.Client.Features.Analytics;

public sealed partial class AnalyticsPanel
{
    private const string UnexpectedFailure = "The analytics could not be loaded; please try again in a moment.";

    private readonly LineChartOptions _lineOptions = new() { ShowLegend = false };
    private LinkAnalytics? _analytics;
    private string? _error;
    private bool _loading;
    private (string Code, DateOnly Start, DateOnly End)? _loaded;
    private List<ChartSeries<double>> _timeSeries = [];
    private string[] _timeLabels = [];
    private IReadOnlyList<BreakdownRow> _countries = [];
    private IReadOnlyList<BreakdownRow> _devices = [];
    private IReadOnlyList<BreakdownRow> _browsers = [];
    private IReadOnlyList<BreakdownRow> _referrers = [];

    [Inject]
    private IAnalyticsClient Analytics { get; set; } = default!;

    [Inject]
    private ILogger<AnalyticsPanel> Logger { get; set; } = default!;

    /// <summary>The link whose clicks to show.</summary>
    [Parameter, EditorRequired]
    public string ShortCode { get; set; } = "";

    /// <summary>First day of the range (UTC), inclusive.</summary>
    [Parameter, EditorRequired]
    public DateOnly Start { get; set; }

    /// <summary>Last day of the range (UTC), inclusive.</summary>
    [Parameter, EditorRequired]
    public DateOnly End { get; set; }

    /// <summary>Loads again even if the range did not change (the page's refresh button).</summary>
    public async Task RefreshAsync()
    {
        // Called from the parent's handler: the parent re-renders, but with unchanged parameters this component
        // would not, so it renders itself.
        await LoadAsync();
        StateHasChanged();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != (ShortCode, Start, End))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        _loaded = (ShortCode, Start, End);
        try
        {
            var answer = await Analytics.GetAsync(ShortCode, Start, End);
            if (answer.Value is { } analytics)
            {
                Show(analytics);
            }
            else
            {
                _analytics = null;
                _error = answer.Error!.Message;
            }
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogLoadFailed(Logger, ShortCode, ex);
            _analytics = null;
            _error = UnexpectedFailure;
        }
        finally
        {
            _loading = false;
        }
    }

    private void Show(LinkAnalytics analytics)
    {
        _analytics = analytics;
        // The API lists only periods with clicks, newest first; the chart wants every period, oldest first.
        var byPeriod = analytics.ClicksByDate.ToDictionary(d => d.Date, d => d.Count, StringComparer.Ordinal);
        var periods = Periods(analytics).ToList();
        // About eight labels fit under the chart; the others stay blank rather than overprint each other.
        var every = Math.Max(1, (int)Math.Ceiling(periods.Count / 8.0));
        // Counted back from the last period, so that today is always labelled.
        _timeLabels = [.. periods.Select((p, i) => (periods.Count - 1 - i) % every == 0 ? Label(p, analytics.GroupBy) : "")];
        _timeSeries =
        [
            new ChartSeries<double>
            {
                Name = "Clicks",
                Data = periods.Select(p => (double)byPeriod.GetValueOrDefault(p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray(),
            },
        ];
        _countries = [.. analytics.ClicksByCountry.Select(c => new BreakdownRow(c.Country, c.Count, c.Percentage))];
        _devices = [.. analytics.ClicksByDevice.Select(d => new BreakdownRow(d.Device, d.Count, d.Percentage))];
        _browsers = [.. analytics.ClicksByBrowser.Select(b => new BreakdownRow(b.Browser, b.Count, b.Percentage))];
        var human = Math.Max(1, analytics.TotalClicks);
        _referrers = [.. analytics.TopReferrers.Select(r => new BreakdownRow(r.Referrer, r.Count, Math.Round(r.Count * 100.0 / human, 1)))];
    }

    private static string Label(DateOnly period, string groupBy) =>
        period.ToString(groupBy == "month" ? "MMM yyyy" : "MMM d", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Periods(LinkAnalytics analytics)
    {
        var start = DateOnly.ParseExact(analytics.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(analytics.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = analytics.GroupBy switch
        {
            "week" => start.AddDays(-(((int)start.DayOfWeek + 6) % 7)),
            "month" => new DateOnly(start.Year, start.Month, 1),
            _ => start,
        };
        for (var period = first; period <= end; period = Next(period, analytics.GroupBy))
        {
            yield return period;
        }
    }

    private static DateOnly Next(DateOnly period, string groupBy) => groupBy switch
    {
        "week" => period.AddDays(7),
        "month" => period.AddMonths(1),
        _ => period.AddDays(1),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the analytics of {ShortCode} failed")]
    private static partial void LogLoadFailed(ILogger logger, string shortCode, Exception exception);
}
