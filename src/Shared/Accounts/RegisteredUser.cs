using System.Text.Json.Serialization;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Accounts;

/// <summary>Answer of <c>POST /api/v1/users/register</c> (spec §3.6); <see cref="ApiKey"/> is shown this once.</summary>
public sealed record RegisteredUser(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("api_key")] string ApiKey,
    [property: JsonPropertyName("created_at"), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset CreatedAt)
{
    public override string ToString() => $"RegisteredUser {{ UserId = {UserId}, Email = {Email} }}";
}
