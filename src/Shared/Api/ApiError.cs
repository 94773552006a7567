using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Api;

public sealed record ApiError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
