using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UrlShortener.Web.Infrastructure.Postgres;
using UrlShortener.Web.Infrastructure.Sqlite;

namespace UrlShortener.Web.Data;

public static class DataSetup
{
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
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (redirects) run while a writer (link creation) commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
