using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Infrastructure.Postgres;

public static class PostgresSetup
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        // No automatic retries: a retried insert whose first commit did succeed would come back as a unique
        // violation, turning a person's own new alias into "already taken".
        services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastContextFactory<PostgresAppDbContext>>();
        services.AddSingleton<IIdBlockStore, PostgresIdBlockStore>();
        return services;
    }
}
