namespace UrlShortener.Web.Features.Redirects;

/// <summary>
/// The cache-miss query of the redirect: what it needs to know about one code, from the database. A withdrawn
/// (disabled or deleted) link is found, so that it answers 410 and not 404.
/// </summary>
public interface ILinkLookup
{
    Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken);
}
