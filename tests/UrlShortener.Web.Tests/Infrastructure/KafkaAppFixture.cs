using UrlShortener.Tests.Common;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>PostgreSQL plus the Kafka transport, against librdkafka's mock cluster (no broker runs here).</summary>
public sealed class KafkaAppFixture : IAsyncLifetime, IAppFixture
{
    private readonly KafkaMockCluster _cluster = new();

    public PostgresDatabase Database { get; private set; } = null!;

    public ShortenerApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        var topic = $"clicks-{Guid.NewGuid():N}";
        _cluster.CreateTopic(topic);
        var settings = ShortenerApp.CommonSettings();
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Postgres"] = Database.ConnectionString;
        settings["Clicks:Transport"] = "Kafka";
        settings["Kafka:BootstrapServers"] = _cluster.BootstrapServers;
        settings["Kafka:Topic"] = topic;
        settings["Kafka:GroupId"] = $"ingestion-{Guid.NewGuid():N}";
        // The mock cluster holds a group's first join for session.timeout.ms: keep it short.
        settings["Kafka:Consumer:session.timeout.ms"] = "3000";
        settings["Kafka:Consumer:heartbeat.interval.ms"] = "300";
        App = new ShortenerApp(settings);
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        _cluster.Dispose();
    }
}
