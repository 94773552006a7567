namespace UrlShortener.Web.Features.Links;

/// <summary>A short code and where it leads (spec entity 1, table <c>urls</c>).</summary>
public sealed class ShortLink
{
    public long Id { get; set; }

    /// <summary>Generated (6-7 base62 characters) or a custom alias; one case-sensitive namespace for both.</summary>
    public required string ShortCode { get; set; }

    /// <summary>Normalised once at creation to the ASCII form a Location header can carry.</summary>
    public required string LongUrl { get; set; }

    public long? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public bool IsCustom { get; set; }

    public long ClickCount { get; set; }

    /// <summary>301 or 302.</summary>
    public short RedirectType { get; set; } = 302;

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
