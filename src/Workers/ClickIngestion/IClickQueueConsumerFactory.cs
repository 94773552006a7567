namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// Opens consumers on the configured click queue. Each ingestion worker owns one consumer; consumers of the same
/// deployment share the load (Redis consumer group, Kafka consumer group, or the same in-process channel).
/// </summary>
public interface IClickQueueConsumerFactory
{
    /// <summary>
    /// Creates a consumer. <paramref name="consumerName"/> identifies the worker in logs and in the transport's
    /// view of the group; the transport makes it unique per process, so the same name may be passed again after a
    /// failed consumer is replaced.
    /// </summary>
    IClickQueueConsumer Create(string consumerName);
}
