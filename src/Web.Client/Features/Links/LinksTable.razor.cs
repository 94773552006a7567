using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Features.Links;

public sealed partial class LinksTable
{
    private const string UnexpectedFailure = "Something went wrong on our side; please try again in a moment.";

    private MudTable<MyLink> _table = default!;
    private string? _search;
    private string? _error;

    [Inject]
    private ILinksClient Links { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<LinksTable> Logger { get; set; } = default!;

    /// <summary>Rows per page at first.</summary>
    [Parameter]
    public int PageSize { get; set; } = 20;

    /// <summary>How long the search box waits after the last keystroke (tests use zero).</summary>
    [Parameter]
    public int SearchDelayMs { get; set; } = 300;

    private async Task<TableData<MyLink>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = string.IsNullOrEmpty(state.SortLabel) || state.SortDirection == SortDirection.None ? MyLinksSort.CreatedAt : state.SortLabel;
        var descending = state.SortDirection != SortDirection.Ascending;
        try
        {
            var answer = await Links.ListMineAsync(new MyLinksQuery(state.Page + 1, state.PageSize, _search, sort, descending), cancellationToken);
            _error = answer.Error?.Message;
            return answer.Value is { } page
                ? new TableData<MyLink> { Items = page.Urls, TotalItems = (int)Math.Min(int.MaxValue, page.Pagination.Total) }
                : new TableData<MyLink> { Items = [], TotalItems = 0 };
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(Logger, "list", ex);
            _error = UnexpectedFailure;
            return new TableData<MyLink> { Items = [], TotalItems = 0 };
        }
    }

    private Task SearchAsync(string? text)
    {
        _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return _table.ReloadServerData();
    }

    private async Task CopyAsync(MyLink link)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", link.ShortUrl);
            Snackbar.Add($"Copied {link.ShortUrl}", Severity.Success);
        }
        catch (JSException)
        {
            // Clipboard access needs a secure context and the person's permission.
            Snackbar.Add("Copying is not allowed here; open the link and copy it from the address bar.", Severity.Warning);
        }
    }

    private Task ShowQrAsync(MyLink link) =>
        Dialogs.ShowAsync<QrCodeDialog>($"QR code for {link.ShortCode}", new DialogParameters<QrCodeDialog>
        {
            { d => d.ShortCode, link.ShortCode },
            { d => d.ShortUrl, link.ShortUrl },
        }, new DialogOptions { CloseButton = true, MaxWidth = MaxWidth.ExtraSmall });

    private async Task SetActiveAsync(MyLink link, bool active)
    {
        if (!active)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                $"Disable {link.ShortCode}?",
                $"People who follow {link.ShortUrl} will see a “link disabled” page until you enable it again. Its clicks are kept.",
                yesText: "Disable", cancelText: "Cancel");
            if (confirmed != true)
            {
                return;
            }
        }

        await RunAsync(
            () => Links.SetActiveAsync(link.ShortCode, active),
            active ? $"{link.ShortCode} is active again." : $"{link.ShortCode} is disabled.",
            active ? "enable" : "disable");
    }

    private async Task DeleteAsync(MyLink link)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {link.ShortCode}?",
            $"{link.ShortUrl} stops working for good and its code is never given out again. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(() => Links.DeleteAsync(link.ShortCode), $"{link.ShortCode} was deleted.", "delete");
        }
    }

    private async Task RunAsync<T>(Func<Task<Shared.Api.ApiResult<T>>> action, string success, string what)
    {
        try
        {
            var answer = await action();
            if (answer.Succeeded)
            {
                Snackbar.Add(success, Severity.Success);
                await _table.ReloadServerData();
            }
            else
            {
                Snackbar.Add(answer.Error!.Message, Severity.Error);
            }
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(Logger, what, ex);
            Snackbar.Add(UnexpectedFailure, Severity.Error);
        }
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Color StatusColor(string status) => status switch
    {
        LinkStatus.Active => Color.Success,
        LinkStatus.Disabled => Color.Warning,
        _ => Color.Default,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Links table: {Action} failed")]
    private static partial void LogFailed(ILogger logger, string action, Exception exception);
}
