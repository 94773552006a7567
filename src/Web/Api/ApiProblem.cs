using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>A refusal that a use case hands back to its endpoint: status, stable code and a message a person can act on.</summary>
public sealed record ApiProblem(int StatusCode, string Code, string Message)
{
    public static ApiProblem BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static ApiProblem NotFound(string message) => new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ApiProblem Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);
}
