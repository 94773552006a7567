using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Infrastructure.EntityFramework;

/// <summary>
/// The cache miss for the embedded database (SQLite): one precompiled, untracked projection. SQLite runs in the
/// process, so the query pipeline is a small share of a miss there; PostgreSQL has a plain command of its own.
/// </summary>
public sealed class EfLinkLookup(IDbContextFactory<AppDbContext> contexts) : ILinkLookup
{
    // Per instance, not static: a compiled query binds to the model of the first context it meets, and two hosts
    // with different providers can share a process (the integration tests do).
    private readonly Func<AppDbContext, string, CancellationToken, Task<CachedLink?>> _byCode =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) =>
            db.Links.AsNoTracking()
                .Where(l => l.ShortCode == code)
                // The SQL twin of ShortLink.ToCachedLink.
                .Select(l => new CachedLink(
                    l.DeletedAt == null ? l.LongUrl : "", l.ExpiresAt, l.RedirectType, l.DisabledAt != null || l.DeletedAt != null))
                .FirstOrDefault());

    public async Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await _byCode(db, shortCode, cancellationToken) ?? CachedLink.Missing;
    }
}
