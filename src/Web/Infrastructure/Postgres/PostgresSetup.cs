using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Workers.Infrastructure.Postgres;

namespace UrlShortener.Web.Infrastructure.Postgres;

public static class PostgresSetup
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        // No automatic retries: a retried insert whose first commit did succeed would come back as a unique
        // violation, turning a person's own new alias into "already taken".
        // One pool for EF, the redirect's lookup and (in the same process) the click workers.
        services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresConnectionStrings.Tune(connectionString)));
        services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastContextFactory<PostgresAppDbContext>>();
        services.AddSingleton<IIdBlockStore, PostgresIdBlockStore>();
        services.AddSingleton<ILinkLookup, PostgresLinkLookup>();
        return services;
    }
}
