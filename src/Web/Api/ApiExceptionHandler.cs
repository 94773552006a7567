using Microsoft.AspNetCore.Diagnostics;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>
/// Last line of defence: an unexpected exception is logged once, with the request it broke, and becomes a
/// 500 envelope (or the branded error page) that reveals nothing of the internals.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            // Kestrel's own refusals (oversized or malformed requests) are the client's fault, not ours.
            var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.PayloadTooLarge : ErrorCodes.ValidationFailed;
            await WriteAsync(http, bad.StatusCode, code, bad.Message);
            return true;
        }

        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        LogUnhandled(logger, exception, http.Request.Method, http.Request.Path, http.TraceIdentifier);
        await WriteAsync(http, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            $"Something went wrong on our side. It has been logged with reference {http.TraceIdentifier}.");
        return true;
    }

    private static Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        if (ApiResults.IsApiRequest(http.Request))
        {
            return ApiResults.WriteErrorAsync(http, status, code, message);
        }

        http.Response.StatusCode = status;
        return ErrorPages.WriteAsync(http.Response, ErrorPages.ServerError);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path, string traceId);
}
