using Microsoft.Data.Sqlite;

namespace UrlShortener.Workers.Infrastructure.Sqlite;

/// <summary>One reading of <c>ConnectionStrings:Sqlite</c> for the web app and the workers, so both open the same file.</summary>
public static class SqliteConnectionStrings
{
    public const string Name = "Sqlite";
    public const string Default = "Data Source=data/urlshortener.db";

    /// <summary>Resolves a relative file against the content root, creates its folder, and makes writers wait on each other.</summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? Default)
        {
            // Writers wait for each other instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ConnectionString;
    }
}
