using System.Data.Common;
using Npgsql;

namespace UrlShortener.Workers.Infrastructure.Postgres;

/// <summary>One reading of <c>ConnectionStrings:Postgres</c> for the web app and the workers.</summary>
public static class PostgresConnectionStrings
{
    public const string Name = "Postgres";

    /// <summary>
    /// Fills in what the hot paths need when the configured string does not say otherwise. Auto-prepare: the
    /// redirect's cache miss and the workers' statements repeat on every pooled connection, and parsing and
    /// planning them each time was a large share of PostgreSQL's CPU. No reset on close: nothing here leaves
    /// session state behind (transactions use <c>SET LOCAL</c>, temp tables drop on commit), and the reset round
    /// on every return to the pool was the other large share.
    /// </summary>
    public static string Tune(string configured)
    {
        // The plain builder holds only what the string says; Npgsql's knows every keyword and its default.
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
