using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Accounts;

/// <summary>One row of <see cref="MyLinksPage"/>.</summary>
public sealed record MyLink(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("clicks")] long Clicks,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt);
