namespace UrlShortener.Web.Features.ApiKeys;

/// <summary>A named key of an account (table <c>api_keys</c>). The secret itself is never stored.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, so that a person can recognise it in a list.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
