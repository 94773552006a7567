using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Infrastructure.Postgres;

/// <summary>Reserves id blocks with <c>nextval</c> on a sequence whose increment is the block size.</summary>
public sealed class PostgresIdBlockStore(IDbContextFactory<AppDbContext> contexts) : IIdBlockStore
{
    public async Task<long> ReserveBlockAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // ToListAsync, not SingleAsync: composing would wrap the statement in a sub-select.
        var values = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('{PostgresAppDbContext.CodeBlockSequence}') AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
