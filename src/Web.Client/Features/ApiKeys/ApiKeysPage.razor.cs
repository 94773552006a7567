using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor;
using UrlShortener.Shared.Accounts;

namespace UrlShortener.Web.Client.Features.ApiKeys;

/// <summary>Create (shown once), list (prefix and last use) and revoke the account's API keys.</summary>
public sealed partial class ApiKeysPage
{
    private const string UnexpectedFailure = "Something went wrong on our side; please try again in a moment.";

    private IReadOnlyList<ApiKeySummary> _keys = [];
    private bool _loading = true;
    private bool _busy;
    private string? _name;
    private string? _listError;
    private string? _createError;
    private CreatedApiKey? _created;

    [Inject]
    private IApiKeysClient Keys { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<ApiKeysPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var answer = await Keys.ListAsync();
            _keys = answer.Value ?? [];
            _listError = answer.Error?.Message;
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(Logger, "list", ex);
            _listError = UnexpectedFailure;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task CreateAsync()
    {
        if (string.IsNullOrWhiteSpace(_name))
        {
            _createError = "Give the key a name that says where it is used.";
            return;
        }

        _busy = true;
        _createError = null;
        _created = null;
        try
        {
            var answer = await Keys.CreateAsync(_name.Trim());
            _created = answer.Value;
            _createError = answer.Error?.Message;
            if (answer.Succeeded)
            {
                _name = null;
                await LoadAsync();
            }
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(Logger, "create", ex);
            _createError = UnexpectedFailure;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _created!.Key);
            Snackbar.Add("Key copied", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add("Copying is not allowed here; select the key and copy it.", Severity.Warning);
        }
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Revoke “{key.Name}”?",
            $"Programs using the key {key.Prefix}… will be refused from now on. This cannot be undone.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var answer = await Keys.RevokeAsync(key.Id);
            if (answer.Succeeded)
            {
                Snackbar.Add($"“{key.Name}” is revoked.", Severity.Success);
                await LoadAsync();
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
            LogFailed(Logger, "revoke", ex);
            Snackbar.Add(UnexpectedFailure, Severity.Error);
        }
    }

    private static string When(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "API keys page: {Action} failed")]
    private static partial void LogFailed(ILogger logger, string action, Exception exception);
}
