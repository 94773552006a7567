using UrlShortener.Shared.Links;
using UrlShortener.Web.Features.Redirects;

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

    /// <summary>Set while the owner has turned the link off: it answers 410 until turned on again.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// Set once the owner has deleted the link. The row stays, so its code is never handed out again and a printed
    /// QR code can never lead somewhere else; the API no longer shows it and followers get 410.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;

    public bool IsActiveAt(DateTimeOffset now) => DisabledAt is null && DeletedAt is null && !IsExpiredAt(now);

    /// <summary>One of <see cref="LinkStatus"/>; disabled wins over expired, since that is what the owner can change.</summary>
    public string StatusAt(DateTimeOffset now) =>
        DisabledAt is not null ? LinkStatus.Disabled
        : IsExpiredAt(now) ? LinkStatus.Expired
        : LinkStatus.Active;

    /// <summary>
    /// What the redirect caches for this link (each <see cref="Redirects.ILinkLookup"/> projects the same in SQL). A deleted link keeps
    /// no destination in the caches: nothing needs it any more.
    /// </summary>
    public CachedLink ToCachedLink() =>
        new(DeletedAt is null ? LongUrl : "", ExpiresAt, RedirectType, Withdrawn: DisabledAt is not null || DeletedAt is not null);
}
