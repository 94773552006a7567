using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Links;

/// <summary>Answer of <c>GET /api/v1/available/{alias}</c>.</summary>
public sealed record AliasAvailability(
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("available")] bool Available);
