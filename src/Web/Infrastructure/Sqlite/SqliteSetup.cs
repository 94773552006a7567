using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Infrastructure.EntityFramework;
using UrlShortener.Workers.Infrastructure.Sqlite;

namespace UrlShortener.Web.Infrastructure.Sqlite;

public static class SqliteSetup
{
    public const string ConnectionStringName = SqliteConnectionStrings.Name;

    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string? connectionString, string contentRoot)
    {
        var resolved = SqliteConnectionStrings.Resolve(connectionString, contentRoot);
        services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, options) => options
            .UseSqlite(resolved)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastContextFactory<SqliteAppDbContext>>();
        services.AddSingleton<IIdBlockStore, SqliteIdBlockStore>();
        services.AddSingleton<ILinkLookup, EfLinkLookup>();
        return services;
    }
}
