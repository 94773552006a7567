using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Links;

/// <summary>
/// Answer of <c>DELETE /api/v1/urls/{short_code}</c>. The code is never handed out again, so a printed QR code can
/// never lead somewhere else; followers get 410.
/// </summary>
public sealed record DeletedLink(
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("deleted")] bool Deleted);
