namespace UrlShortener.Workers.ClickIngestion;

/// <summary>A click ready for the store: where it came from, on what, and whether a person made it.</summary>
public sealed record EnrichedClick(
    Guid EventId,
    string ShortCode,
    DateTimeOffset ClickedAt,
    string? IpAddress,
    string Country,
    string City,
    string DeviceType,
    string Os,
    string Browser,
    string? ReferrerHost,
    bool IsBot,
    string VisitorHash,
    string? UserAgent,
    string? AcceptLanguage)
{
    /// <summary>The UTC day the click counts towards.</summary>
    public DateOnly Day => DateOnly.FromDateTime(ClickedAt.UtcDateTime);
}
