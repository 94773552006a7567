using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Features.Analytics;

namespace UrlShortener.Web.Client.Features.Links;

/// <summary>One link: what it is, its QR code, and its analytics over a chosen range (the last 30 days at first).</summary>
public sealed partial class LinkDetails
{
    private readonly List<BreadcrumbItem> _crumbs = [new("My links", "/links")];
    private LinkInfo? _link;
    private string? _error;
    private bool _loading = true;
    private DateRange _range = new();
    private DateOnly _start;
    private DateOnly _end;
    private AnalyticsPanel? _panel;

    [Inject]
    private ILinksClient Links { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<LinkDetails> Logger { get; set; } = default!;

    [Parameter]
    public string ShortCode { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        SetLastDays(30);
        _loading = true;
        _error = null;
        try
        {
            var answer = await Links.GetInfoAsync(ShortCode);
            _link = answer.Value;
            _error = answer.Error?.Message;
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogLoadFailed(Logger, ShortCode, ex);
            _error = "The link could not be loaded; please try again in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void SetLastDays(int days)
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        SetRange(today.AddDays(1 - days), today);
    }

    private void OnRangeChanged(DateRange? range)
    {
        if (range?.Start is { } start && range.End is { } end)
        {
            SetRange(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        }
    }

    private void SetRange(DateOnly start, DateOnly end)
    {
        _start = start;
        _end = end;
        _range = new DateRange(start.ToDateTime(TimeOnly.MinValue), end.ToDateTime(TimeOnly.MinValue));
    }

    private Task RefreshAsync() => _panel?.RefreshAsync() ?? Task.CompletedTask;

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(LinkInfo link) => link.Status;

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading link {ShortCode} failed")]
    private static partial void LogLoadFailed(ILogger logger, string shortCode, Exception exception);
}
