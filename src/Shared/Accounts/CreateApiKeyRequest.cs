using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Accounts;

/// <summary>Body of <c>POST /api/v1/users/me/api-keys</c>.</summary>
public sealed record CreateApiKeyRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
