using Microsoft.AspNetCore.Diagnostics;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>
/// Bodies for the error statuses nobody wrote one for: the envelope under <c>/api</c> (unknown API route, wrong
/// method), the branded page for any other unknown path. Kept off the redirect path, which writes its own.
/// </summary>
public static class ApiStatusCodePages
{
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseWhen(http => ApiResults.IsApiRequest(http.Request), api => api.UseStatusCodePages(WriteEnvelopeAsync));

    /// <summary>Last in line: GET/HEAD of a path no page, API route or short code claimed.</summary>
    public static IEndpointRouteBuilder MapNotFoundFallback(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{**path:nonfile}", [HttpMethods.Get, HttpMethods.Head], NotFoundAsync)
            .WithOrder(int.MaxValue)
            .ExcludeFromDescription()
            .ShortCircuit();
        return app;
    }

    private static Task NotFoundAsync(HttpContext http)
    {
        if (ApiResults.IsApiRequest(http.Request))
        {
            return ApiResults.WriteErrorAsync(http, StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                $"There is no API endpoint at {http.Request.Path}.");
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return ErrorPages.WriteAsync(http.Response, ErrorPages.NotFound);
    }

    private static Task WriteEnvelopeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (code, message) = status switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.NotFound, $"There is no API endpoint at {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, $"{http.Request.Method} is not allowed on {http.Request.Path}."),
            StatusCodes.Status401Unauthorized => (ErrorCodes.Unauthorized, "Authenticate with an X-API-Key header or a bearer token."),
            _ => (ErrorCodes.ValidationFailed, $"The request could not be served (HTTP {status})."),
        };
        return ApiResults.WriteErrorAsync(http, status, code, message);
    }
}
