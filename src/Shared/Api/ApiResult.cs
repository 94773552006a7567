namespace UrlShortener.Shared.Api;

/// <summary>What a typed client hands back: the answer's data, or the envelope's error. Never an exception.</summary>
public sealed record ApiResult<T>
{
    private ApiResult(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ApiError? Error { get; }

    public bool Succeeded => Error is null;

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiError error) => new(default, error);

    public static ApiResult<T> Failure(string code, string message) => new(default, new ApiError(code, message));
}
