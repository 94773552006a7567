using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Features.Links;

/// <summary>The home page's shorten form: long URL, optional alias (with a live availability hint), expiry, 301/302.</summary>
public sealed partial class ShortenForm : IDisposable
{
    internal const string LongUrlRequired = "Enter the long URL to shorten.";
    internal const string LongUrlNotHttp = "The long URL must start with http:// or https://.";
    private const string UnexpectedFailure = "Something went wrong on our side; please try again in a moment.";

    private MudForm _form = default!;
    private string? _longUrl;
    private string? _alias;
    private DateTime? _expires;
    private int _redirectType = 302;
    private bool _busy;
    private AliasHint? _aliasHint;
    private CancellationTokenSource? _aliasCheck;
    private ApiError? _error;
    private ShortenedLink? _result;
    private string? _copyMessage;

    [Inject]
    private ILinksClient Links { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<ShortenForm> Logger { get; set; } = default!;

    /// <summary>How long the alias field waits after the last keystroke before asking the server (tests use zero).</summary>
    [Parameter]
    public TimeSpan AliasCheckDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    internal static string? ValidateLongUrl(string? value)
    {
        // Emptiness is Required's message; this one only hints at the scheme, the server checks the rest.
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? null
                : LongUrlNotHttp;
    }

    private async Task OnAliasChangedAsync(string? value)
    {
        _alias = value;
        _aliasHint = null;
        CancelAliasCheck();
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var alias = value.Trim();
        var check = new CancellationTokenSource();
        _aliasCheck = check;
        try
        {
            await Task.Delay(AliasCheckDelay, check.Token);
            var answer = await Links.CheckAliasAsync(alias, check.Token);
            if (check.IsCancellationRequested)
            {
                return;
            }

            _aliasHint = answer switch
            {
                { Value.Available: true } => new AliasHint(true, $"“{alias}” is available."),
                { Value: not null } => new AliasHint(false, $"“{alias}” is already taken."),
                _ => new AliasHint(false, answer.Error!.Message),
            };
        }
        catch (OperationCanceledException)
        {
            // A newer keystroke replaced this check.
        }
    }

    private async Task ShortenAsync()
    {
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _busy = true;
        _error = null;
        _result = null;
        _copyMessage = null;
        try
        {
            var answer = await Links.ShortenAsync(new ShortenRequest
            {
                LongUrl = _longUrl?.Trim(),
                CustomAlias = string.IsNullOrWhiteSpace(_alias) ? null : _alias.Trim(),
                // The chosen day is the last one on which the link works.
                ExpiresAt = _expires is { } day ? new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero) : null,
                RedirectType = _redirectType,
            });
            _result = answer.Value;
            _error = answer.Error;
        }
#pragma warning disable CA1031 // The person sees a calm message; the details go to the log, once.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogShortenFailed(Logger, ex);
            _error = new ApiError(ErrorCodes.InternalError, UnexpectedFailure);
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
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _result!.ShortUrl);
            _copyMessage = "Copied";
        }
        catch (JSException)
        {
            // Clipboard access needs a secure context and the person's permission.
            _copyMessage = "Copying is not allowed here; select the link and copy it.";
        }
    }

    private void CancelAliasCheck()
    {
        _aliasCheck?.Cancel();
        _aliasCheck?.Dispose();
        _aliasCheck = null;
    }

    public void Dispose() => CancelAliasCheck();

    [LoggerMessage(Level = LogLevel.Error, Message = "Shortening from the dashboard failed")]
    private static partial void LogShortenFailed(ILogger logger, Exception exception);

    private sealed record AliasHint(bool Available, string Message);
}
