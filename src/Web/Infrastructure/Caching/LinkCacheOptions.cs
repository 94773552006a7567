using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Web.Infrastructure.Caching;

/// <summary>Section <c>Cache</c>.</summary>
public sealed class LinkCacheOptions
{
    public const string Section = "Cache";

    /// <summary>Most codes kept in each instance's memory (L1); least recently used ones go first.</summary>
    [Range(1_000, 50_000_000, ErrorMessage = "Cache:L1MaxEntries must be between 1000 and 50000000.")]
    public int L1MaxEntries { get; set; } = 100_000;

    /// <summary>Lifetime of a cached link, in memory and in Redis (the spec's 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Cache:Duration must be between 1 second and 30 days.")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Lifetime of a cached "no such code" (memory only). Creating the link replaces it on every instance; this
    /// bounds the rare case of a lookup that raced the creation, or a notice lost while Redis was down.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Cache:NegativeDuration must be between 1 second and 1 hour.")]
    public TimeSpan NegativeDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long Redis is left alone after an error before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Cache:RedisCircuitBreakerDuration must be at most 10 minutes.")]
    public TimeSpan RedisCircuitBreakerDuration { get; set; } = TimeSpan.FromSeconds(2);
}
