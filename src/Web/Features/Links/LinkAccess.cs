using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Links;

/// <summary>
/// Which links a caller may see and change, in one place for every use case. A deleted link is gone for everyone;
/// another account's link answers exactly like a missing one: its existence is not ours to reveal.
/// </summary>
public static class LinkAccess
{
    public static ApiProblem NotFound(string shortCode) => ApiProblem.NotFound($"No short link '{shortCode}' exists.");

    /// <summary>Readable: anonymous links are public, owned ones exist only for their owner.</summary>
    public static IQueryable<ShortLink> VisibleTo(this IQueryable<ShortLink> links, long? userId) =>
        links.Where(l => l.DeletedAt == null && (l.UserId == null || l.UserId == userId));

    /// <summary>Changeable: only the owner's own links; an anonymous link has nobody who may change it.</summary>
    public static IQueryable<ShortLink> OwnedBy(this IQueryable<ShortLink> links, long userId) =>
        links.Where(l => l.DeletedAt == null && l.UserId == userId);
}
