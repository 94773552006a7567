using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>. The connection strings themselves live under <c>ConnectionStrings</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be 'Sqlite' or 'Postgres'.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies pending migrations at start-up; turn off when a release pipeline migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
