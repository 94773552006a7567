using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>The 201 answer of <c>POST /api/v1/shorten</c>.</summary>
public sealed record ShortenedLink(
    [property: JsonPropertyName("short_url")] string ShortUrl,
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at"), JsonConverter(typeof(NullableUtcTimestampConverter))] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("redirect_type")] int RedirectType);
