using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>Answer of <c>GET /api/v1/urls/{short_code}</c>.</summary>
public sealed record LinkInfo(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("short_url")] string ShortUrl,
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at"), JsonConverter(typeof(NullableUtcTimestampConverter))] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("total_clicks")] long TotalClicks,
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("is_custom")] bool IsCustom,
    [property: JsonPropertyName("redirect_type")] int RedirectType);
