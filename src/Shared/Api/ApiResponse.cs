using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Api;

/// <summary>The envelope every API response travels in: <c>{ "success", "data" | "error" }</c>.</summary>
public sealed record ApiResponse<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] T? Data,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiError? Error);
