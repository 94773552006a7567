using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.ClickIngestion.Enrichment;
using UrlShortener.Workers.Infrastructure.MaxMind;
using UrlShortener.Workers.Infrastructure.Postgres;
using UrlShortener.Workers.Infrastructure.Redis;
using UrlShortener.Workers.Infrastructure.RedisStreams;
using UrlShortener.Workers.Infrastructure.Sqlite;

namespace UrlShortener.Workers;

public static class WorkersSetup
{
    /// <summary>
    /// The click ingestion workers: enrichment, the store of the configured database (<c>Database:Provider</c>, the same
    /// keys as the web app) and the consuming loops. The queue itself is registered by <c>AddClickQueue</c>.
    /// </summary>
    public static IServiceCollection AddClickIngestionWorkers(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<WorkersOptions>().BindConfiguration(WorkersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GeoOptions>().BindConfiguration(GeoOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestionMetrics>();
        services.TryAddSingleton<IGeoLocator, MaxMindGeoLocator>();
        services.TryAddSingleton(_ => UserAgentClassifier.LoadEmbedded());
        services.TryAddSingleton<ClickEnricher>();
        services.TryAddSingleton(sp => new Lazy<ClickEnricher>(sp.GetRequiredService<ClickEnricher>));

        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider is 'Postgres'.");
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(PostgresConnectionStrings.Tune(connectionString)));
            services.TryAddSingleton<IClickStore, PostgresClickStore>();
            services.AddSingleton<ClickPartitionMaintenance>();
            services.AddHostedService(sp => sp.GetRequiredService<ClickPartitionMaintenance>());
        }
        else
        {
            var connectionString = SqliteConnectionStrings.Resolve(configuration.GetConnectionString(SqliteConnectionStrings.Name), environment.ContentRootPath);
            services.TryAddSingleton<IClickStore>(_ => new SqliteClickStore(connectionString));
        }

        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.TryAddSingleton<ILiveClickCounter, NoLiveClickCounter>();
        }
        else
        {
            // The web process shares its multiplexer; a stand-alone worker opens its own.
            services.TryAddSingleton(_ => new OwnedRedisConnection(redis));
            services.TryAddSingleton<ILiveClickCounter>(sp => new RedisLiveClickCounter(
                sp.GetService<IConnectionMultiplexer>() ?? sp.GetRequiredService<OwnedRedisConnection>().Multiplexer,
                configuration["Redis:KeyPrefix"] ?? ""));
        }

        services.AddHostedService<ClickIngestionWorker>();
        return services;
    }
}
