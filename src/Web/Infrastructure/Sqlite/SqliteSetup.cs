using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Infrastructure.Sqlite;

public static class SqliteSetup
{
    public const string ConnectionStringName = "Sqlite";
    public const string DefaultConnectionString = "Data Source=data/urlshortener.db";

    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? DefaultConnectionString)
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

        services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, options) => options
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastContextFactory<SqliteAppDbContext>>();
        services.AddSingleton<IIdBlockStore, SqliteIdBlockStore>();
        return services;
    }
}
