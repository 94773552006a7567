using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using UrlShortener.Web.Infrastructure.Postgres;
using UrlShortener.Web.Infrastructure.Sqlite;

namespace UrlShortener.Web.Data;

public static class DataSetup
{
    private const long MigrationLockKey = 7_242_001_813;

    /// <summary>Picks the database from <c>Database:Provider</c>; features only ever see <see cref="AppDbContext"/>.</summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = builder.Configuration.GetConnectionString(PostgresSetup.ConnectionStringName);
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new OptionsValidationException(nameof(DatabaseOptions), typeof(DatabaseOptions),
                        ["ConnectionStrings:Postgres is required when Database:Provider is 'Postgres'."]);
                }

                builder.Services.AddPostgresStorage(postgres);
                break;
            default:
                builder.Services.AddSqliteStorage(
                    builder.Configuration.GetConnectionString(SqliteSetup.ConnectionStringName),
                    builder.Environment.ContentRootPath);
                break;
        }

        // Request-scoped contexts come from the same pool as the redirect path's short-lived ones.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        // One key ring for all instances (see AppDbContext.DataProtectionKeys).
        builder.Services.AddDataProtection()
            .SetApplicationName("urlshortener")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>Brings the schema up to date before the first request; EF holds a migration lock across instances.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (db.Database.IsNpgsql())
        {
            // Several instances starting together must not apply the same migration twice: they queue on a
            // session-level advisory lock, and each finds the schema up to date once it gets its turn.
            await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
            await gate.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", gate))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            await db.Database.MigrateAsync();
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", gate);
            await unlock.ExecuteNonQueryAsync();
            return;
        }

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (redirects) run while a writer (link creation) commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
