namespace UrlShortener.Web.Features.Redirects;

/// <summary>
/// The redirect cache: an in-process L1 in front of a shared L2, filled from the database on a miss with one
/// query per code however many requests miss at once. Every instance's L1 hears about changes.
/// </summary>
public interface ILinkCache
{
    /// <summary>Answers from the cache, or loads the code from the database (and caches the answer, found or not).</summary>
    ValueTask<CachedLink> GetAsync(string shortCode, CancellationToken cancellationToken);

    /// <summary>Stores a fresh answer for a code (after creation) and evicts stale copies on every instance.</summary>
    ValueTask SetAsync(string shortCode, CachedLink link, CancellationToken cancellationToken);

    /// <summary>Forgets a code everywhere; the next request reloads it. Used by edit, disable and delete.</summary>
    ValueTask InvalidateAsync(string shortCode, CancellationToken cancellationToken);
}
