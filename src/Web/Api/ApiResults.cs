using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>The one place where the spec's <c>{success, data | error}</c> envelope is produced.</summary>
public static class ApiResults
{
    public static IResult Ok<T>(T data) => TypedResults.Ok(new ApiResponse<T>(true, data, null));

    public static IResult Created<T>(string location, T data) =>
        TypedResults.Created(location, new ApiResponse<T>(true, data, null));

    public static IResult Error(int statusCode, string code, string message) =>
        TypedResults.Json(Failure(code, message), statusCode: statusCode);

    public static IResult Error(ApiProblem problem) => Error(problem.StatusCode, problem.Code, problem.Message);

    public static IResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ApiResponse<object> Failure(string code, string message) => new(false, null, new ApiError(code, message));

    /// <summary>Writes an error envelope outside the endpoint pipeline (exception handler, status code pages).</summary>
    public static Task WriteErrorAsync(HttpContext http, int statusCode, string code, string message)
    {
        http.Response.StatusCode = statusCode;
        return http.Response.WriteAsJsonAsync(Failure(code, message), http.RequestAborted);
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments(ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
