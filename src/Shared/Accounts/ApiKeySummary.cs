using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Accounts;

/// <summary>An API key as listed later: only its visible prefix, never the secret.</summary>
public sealed record ApiKeySummary(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("last_used_at"), JsonConverter(typeof(NullableUtcTimestampConverter))] DateTimeOffset? LastUsedAt,
    [property: JsonPropertyName("revoked")] bool Revoked);
