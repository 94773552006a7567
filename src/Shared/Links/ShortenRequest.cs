using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>Body of <c>POST /api/v1/shorten</c>.</summary>
public sealed record ShortenRequest
{
    [JsonPropertyName("long_url")]
    public string? LongUrl { get; init; }

    [JsonPropertyName("custom_alias")]
    public string? CustomAlias { get; init; }

    [JsonPropertyName("expires_at"), JsonConverter(typeof(NullableUtcTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>301 (permanent) or 302 (temporary, the default).</summary>
    [JsonPropertyName("redirect_type")]
    public int? RedirectType { get; init; }
}
