using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Accounts;

/// <summary>Body of <c>POST /api/v1/users/register</c> and <c>POST /api/v1/users/login</c>.</summary>
public sealed record Credentials
{
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    // A record prints its properties; a password must never reach a log line that way.
    public override string ToString() => $"Credentials {{ Email = {Email} }}";
}
