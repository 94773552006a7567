using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>Answer of <c>GET /api/v1/urls/{short_code}</c> (and of <c>PATCH</c>): the spec's fields, then ours.</summary>
public sealed record LinkInfo(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("short_url")] string ShortUrl,
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at"), JsonConverter(typeof(NullableUtcTimestampConverter))] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("total_clicks")] long TotalClicks,
    /// <summary>False when the link is disabled or expired: following it answers 410.</summary>
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("is_custom")] bool IsCustom,
    [property: JsonPropertyName("redirect_type")] int RedirectType,
    /// <summary>One of <see cref="LinkStatus"/>: why <see cref="IsActive"/> is false. Defaulted so that existing callers still compile.</summary>
    [property: JsonPropertyName("status")] string Status = LinkStatus.Active);
