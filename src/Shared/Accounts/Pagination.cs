using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Accounts;

public sealed record Pagination(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("total")] long Total);
