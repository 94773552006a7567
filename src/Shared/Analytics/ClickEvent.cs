using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Analytics;

/// <summary>
/// One redirect as captured on the hot path, before enrichment. The event id makes delivery idempotent: a
/// replayed event is stored once. Short JSON names keep queue messages small.
/// </summary>
public sealed record ClickEvent(
    [property: JsonPropertyName("id")] Guid EventId,
    [property: JsonPropertyName("c")] string ShortCode,
    [property: JsonPropertyName("t")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("ip")] string? ClientIp,
    [property: JsonPropertyName("ua")] string? UserAgent,
    [property: JsonPropertyName("ref")] string? Referrer,
    [property: JsonPropertyName("lang")] string? AcceptLanguage);
