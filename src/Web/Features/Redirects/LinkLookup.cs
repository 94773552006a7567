using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>The cache-miss query: one precompiled, untracked projection over the unique short-code index.</summary>
public sealed class LinkLookup(IDbContextFactory<AppDbContext> contexts)
{
    private static readonly Func<AppDbContext, string, CancellationToken, Task<CachedLink?>> ByCode =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) =>
            db.Links.AsNoTracking()
                .Where(l => l.ShortCode == code)
                .Select(l => new CachedLink(l.LongUrl, l.ExpiresAt, l.RedirectType))
                .FirstOrDefault());

    public async Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ByCode(db, shortCode, cancellationToken) ?? CachedLink.Missing;
    }
}
