using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Infrastructure.Sqlite;

/// <summary>
/// Reserves id blocks by bumping a counter row in one statement; SQLite serialises writers, so two processes on
/// the same file can never read the same value.
/// </summary>
public sealed class SqliteIdBlockStore(IDbContextFactory<AppDbContext> contexts) : IIdBlockStore
{
    public async Task<long> ReserveBlockAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // ToListAsync, not SingleAsync: composing would wrap the statement in a sub-select.
        var values = await db.Database
            .SqlQuery<long>($"UPDATE short_code_blocks SET next_id = next_id + {CodeBlock.Size} WHERE name = {CodeBlockCounter.Default} RETURNING next_id - {CodeBlock.Size} AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
