using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Accounts;

/// <summary>Answer of <c>POST /api/v1/users/me/api-keys</c>: the only time <see cref="Key"/> is ever shown.</summary>
public sealed record CreatedApiKey(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("api_key")] string Key,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt)
{
    public override string ToString() => $"CreatedApiKey {{ Id = {Id}, Name = {Name}, Prefix = {Prefix} }}";
}
