using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>The cache-miss query: one precompiled, untracked projection over the unique short-code index.</summary>
public sealed class LinkLookup(IDbContextFactory<AppDbContext> contexts)
{
    // Per instance, not static: a compiled query binds to the model of the first context it meets, and two hosts
    // with different providers can share a process (the integration tests do).
    private readonly Func<AppDbContext, string, CancellationToken, Task<CachedLink?>> _byCode =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) =>
            db.Links.AsNoTracking()
                .Where(l => l.ShortCode == code)
                // The SQL twin of ShortLink.ToCachedLink: a withdrawn link is found, so that it answers 410, not 404.
                .Select(l => new CachedLink(
                    l.DeletedAt == null ? l.LongUrl : "", l.ExpiresAt, l.RedirectType, l.DisabledAt != null || l.DeletedAt != null))
                .FirstOrDefault());

    public async Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await _byCode(db, shortCode, cancellationToken) ?? CachedLink.Missing;
    }
}
