using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// Counts the redirect's cache-miss queries as they reach the database driver, independently of the app's own
/// metrics, so that cache tests observe real database traffic.
/// </summary>
public sealed class LinkLookupCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // The lookup is the only query that projects redirect_type out of urls by short_code.
        if (command.CommandText.Contains("redirect_type", StringComparison.Ordinal)
            && command.CommandText.Contains("short_code", StringComparison.Ordinal)
            && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _count);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
