using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.Web.Infrastructure.Postgres;

public static class PostgresSetup
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        services.AddPooledDbContextFactory<PostgresAppDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)));
        services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastContextFactory<PostgresAppDbContext>>();
        services.AddSingleton<IIdBlockStore, PostgresIdBlockStore>();
        return services;
    }
}
