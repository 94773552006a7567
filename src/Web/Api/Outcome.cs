using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>
/// What a use case hands back to its callers (the endpoint and the dashboard's server-side client): the answer, or
/// why there is none. Each caller turns it into its own shape, so the refusal is decided once.
/// </summary>
public sealed record Outcome<T>(T? Value, ApiProblem? Problem)
    where T : class
{
    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Refused(ApiProblem problem) => new(null, problem);

    public static implicit operator Outcome<T>(T value) => Success(value);

    public static implicit operator Outcome<T>(ApiProblem problem) => Refused(problem);

    /// <summary>The envelope with 200, or the refusal's status and code.</summary>
    public IResult ToHttpResult() => Problem is { } problem ? ApiResults.Error(problem) : ApiResults.Ok(Value!);

    public ApiResult<T> ToApiResult() =>
        Problem is { } problem ? ApiResult<T>.Failure(problem.Code, problem.Message) : ApiResult<T>.Success(Value!);
}
