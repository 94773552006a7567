using Microsoft.AspNetCore.Diagnostics;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Api;

/// <summary>
/// Gives body-less error statuses a body: the envelope under <c>/api</c> (unknown API route, wrong method),
/// the branded page elsewhere (a path that is neither a page nor a short code).
/// </summary>
public static class ApiStatusCodePages
{
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(WriteAsync);

    private static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (ApiResults.IsApiRequest(http.Request))
        {
            var (code, message) = status switch
            {
                StatusCodes.Status404NotFound => (ErrorCodes.NotFound, $"There is no API endpoint at {http.Request.Path}."),
                StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, $"{http.Request.Method} is not allowed on {http.Request.Path}."),
                StatusCodes.Status401Unauthorized => ("UNAUTHORIZED", "Authenticate with an X-API-Key header or a bearer token."),
                _ => (ErrorCodes.ValidationFailed, $"The request could not be served (HTTP {status})."),
            };
            return ApiResults.WriteErrorAsync(http, status, code, message);
        }

        return status == StatusCodes.Status404NotFound
            ? ErrorPages.WriteAsync(http.Response, ErrorPages.NotFound)
            : Task.CompletedTask;
    }
}
