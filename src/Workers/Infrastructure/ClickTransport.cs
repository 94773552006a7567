namespace UrlShortener.Workers.Infrastructure;

/// <summary>Where click events travel between the redirect and the ingestion workers (<c>Clicks:Transport</c>).</summary>
public enum ClickTransport
{
    /// <summary>A channel inside the web process; the workers must run there too (embedded mode).</summary>
    InProcess,

    /// <summary>A Redis stream read by a consumer group.</summary>
    RedisStreams,

    /// <summary>A Kafka topic read by a consumer group.</summary>
    Kafka,
}
