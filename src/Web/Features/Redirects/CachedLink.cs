using System.Text.Json.Serialization;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>
/// What the redirect needs to know about a code, as cached in L1 and L2. A code that does not exist is cached
/// too (<see cref="Missing"/>), so that a flood of unknown codes never reaches the database twice in a row.
/// Short JSON names keep the Redis copy small.
/// </summary>
public sealed record CachedLink(
    [property: JsonPropertyName("u")] string? LongUrl,
    [property: JsonPropertyName("e")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("r")] short RedirectType)
{
    public static readonly CachedLink Missing = new(null, null, 0);

    [JsonIgnore]
    public bool Exists => LongUrl is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;
}
