using System.Data;
using Npgsql;
using NpgsqlTypes;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Infrastructure.Postgres;

/// <summary>
/// The cache miss on PostgreSQL as one plain command over the unique short-code index: no DbContext, no query
/// pipeline. Auto-prepare (see <c>PostgresConnectionStrings</c>) has the server parse and plan it once per
/// connection instead of once per miss.
/// </summary>
public sealed class PostgresLinkLookup(NpgsqlDataSource dataSource) : ILinkLookup
{
    // The SQL twin of ShortLink.ToCachedLink: a deleted link keeps no destination in the caches.
    private const string ByCode = """
        SELECT CASE WHEN deleted_at IS NULL THEN long_url ELSE '' END, expires_at, redirect_type,
               disabled_at IS NOT NULL OR deleted_at IS NOT NULL
        FROM urls WHERE short_code = $1
        """;

    public async Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByCode);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = shortCode });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return CachedLink.Missing;
        }

        return new CachedLink(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetInt16(2),
            reader.GetBoolean(3));
    }
}
