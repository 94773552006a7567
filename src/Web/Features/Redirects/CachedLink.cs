using System.Text.Json.Serialization;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>
/// What the redirect needs to know about a code, as cached in L1 and L2. A code that does not exist is cached
/// too (<see cref="Missing"/>), so that a flood of unknown codes never reaches the database twice in a row.
/// A disabled or deleted link is cached like an expired one, as a code that exists but answers 410
/// (<see cref="Withdrawn"/>): it stays as cheap to refuse as a live link is to follow, and the state travels with
/// the value, so one cache write is all a change needs. Short JSON names keep the Redis copy small; entries written
/// before <c>w</c> existed read as not withdrawn.
/// </summary>
public sealed record CachedLink(
    [property: JsonPropertyName("u")] string? LongUrl,
    [property: JsonPropertyName("e")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("r")] short RedirectType,
    [property: JsonPropertyName("w")] bool Withdrawn = false)
{
    public static readonly CachedLink Missing = new(null, null, 0);

    [JsonIgnore]
    public bool Exists => LongUrl is not null;

    /// <summary>Expired, or turned off (disabled or deleted) by its owner: either way the answer is 410.</summary>
    public bool IsGoneAt(DateTimeOffset now) => Withdrawn || (ExpiresAt is { } expiry && expiry <= now);
}
