using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// The producing side of the click queue (InProcess channel, Redis Streams or Kafka, by <c>Clicks:Transport</c>).
/// Delivery is at least once; the store makes a repeated event a no-op.
/// </summary>
public interface IClickQueue
{
    /// <summary>Hands a batch to the transport; returns once the transport has accepted it durably.</summary>
    Task PublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken cancellationToken);
}
