using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>
/// Section <c>RedisStreams</c>, read when <c>Clicks:Transport</c> is <c>RedisStreams</c>. The connection is the
/// application's (<c>ConnectionStrings:Redis</c>) and the stream key is prefixed with <c>Redis:KeyPrefix</c>.
/// </summary>
public sealed class RedisStreamsOptions
{
    public const string Section = "RedisStreams";

    [Required(AllowEmptyStrings = false, ErrorMessage = "RedisStreams:Stream must not be empty.")]
    public string Stream { get; set; } = "clicks";

    [Required(AllowEmptyStrings = false, ErrorMessage = "RedisStreams:Group must not be empty.")]
    public string Group { get; set; } = "click-ingestion";

    /// <summary>
    /// How long an entry may stay unacknowledged before another consumer takes it over. Longer than the slowest
    /// store of a batch, or a live worker's batch is processed twice (harmless, but wasted work).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "RedisStreams:ClaimIdleTime must be between 10 ms and 1 day.")]
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Optional cap on the stream length (approximate <c>MAXLEN</c> on every add); 0, the default, means none. It
    /// counts entries, and an entry carries up to <see cref="EventsPerEntry"/> clicks, so the clicks kept are up to
    /// that many times the cap. A cap bounds Redis memory when no worker runs, but at the cost of the oldest
    /// UNPROCESSED clicks, so it is off unless an operator chooses that trade; the stream is trimmed to what the group
    /// has processed anyway. Watch the stream length and the ingestion lag instead.
    /// </summary>
    [Range(0L, long.MaxValue, ErrorMessage = "RedisStreams:MaxLength must be 0 (no cap) or more.")]
    public long MaxLength { get; set; }

    /// <summary>
    /// Most clicks in one stream entry (a JSON array). Per-entry costs (a command and a task in the client, Redis's
    /// bookkeeping, an id in every acknowledgement) dominate at high click rates, so entries carry chunks; a large
    /// chunk makes a batch overshoot <c>Workers:BatchSize</c> by up to one entry and a redelivery repeat more work.
    /// </summary>
    [Range(1, 1_000, ErrorMessage = "RedisStreams:EventsPerEntry must be between 1 and 1000.")]
    public int EventsPerEntry { get; set; } = 100;

    /// <summary>Prefix of this process's consumer names in the group; the machine name when empty.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>Pause between polls of an empty stream (StackExchange.Redis cannot issue a blocking XREADGROUP).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10", ErrorMessage = "RedisStreams:PollInterval must be between 1 ms and 10 s.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Minimum time between two trims of the stream by one consumer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "RedisStreams:TrimInterval must be between 0 and 1 hour.")]
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(1);
}
