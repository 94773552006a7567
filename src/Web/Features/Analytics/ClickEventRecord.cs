namespace UrlShortener.Web.Features.Analytics;

/// <summary>
/// One stored click (table <c>click_events</c>). Written only by the ingestion workers (COPY on PostgreSQL, where the
/// table is partitioned by month and created by raw SQL in the migration); mapped here for the schema and for support.
/// </summary>
public sealed class ClickEventRecord
{
    public Guid EventId { get; set; }

    public required string ShortCode { get; set; }

    public DateTimeOffset ClickedAt { get; set; }

    public string? IpAddress { get; set; }

    public required string Country { get; set; }

    public required string City { get; set; }

    public required string DeviceType { get; set; }

    public required string Os { get; set; }

    public required string Browser { get; set; }

    public string? ReferrerHost { get; set; }

    public bool IsBot { get; set; }

    public required string VisitorHash { get; set; }

    public string? UserAgent { get; set; }

    public string? AcceptLanguage { get; set; }
}
