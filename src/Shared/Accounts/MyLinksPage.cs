using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Accounts;

/// <summary>Answer of <c>GET /api/v1/users/me/urls</c> (spec §3.7), newest first.</summary>
public sealed record MyLinksPage(
    [property: JsonPropertyName("urls")] IReadOnlyList<MyLink> Urls,
    [property: JsonPropertyName("pagination")] Pagination Pagination);
