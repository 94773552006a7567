using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Accounts;

/// <summary>Answer of <c>POST /api/v1/users/login</c>: send <c>Authorization: Bearer {access_token}</c>.</summary>
public sealed record BearerToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken)
{
    public override string ToString() => $"BearerToken {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn} }}";
}
