using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Shared.Accounts;

/// <summary>One row of <see cref="MyLinksPage"/>: the spec's four fields, then what the dashboard's table shows.</summary>
public sealed record MyLink(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("clicks")] long Clicks,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("short_url")] string ShortUrl,
    [property: JsonPropertyName("expires_at"), JsonConverter(typeof(NullableUtcTimestampConverter))] DateTimeOffset? ExpiresAt,
    /// <summary>One of <see cref="LinkStatus"/>.</summary>
    [property: JsonPropertyName("status")] string Status);
