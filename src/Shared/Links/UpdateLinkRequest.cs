using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Links;

/// <summary>Body of <c>PATCH /api/v1/urls/{short_code}</c>: fields left out stay as they are.</summary>
public sealed record UpdateLinkRequest
{
    /// <summary>False disables the link (followers get 410), true turns it on again.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }
}
