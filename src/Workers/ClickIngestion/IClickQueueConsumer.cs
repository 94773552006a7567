namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// The consuming side of the click queue, used by one ingestion worker. A batch is acknowledged only after it is
/// stored, so a worker that dies in between leaves the batch to be delivered again (to itself or a peer).
/// </summary>
public interface IClickQueueConsumer : IAsyncDisposable
{
    /// <summary>
    /// Waits up to <paramref name="maxWait"/> for events and returns about <paramref name="maxEvents"/> (possibly none).
    /// A transport whose messages carry several events returns whole messages, so it may exceed
    /// <paramref name="maxEvents"/> by less than one message's worth.
    /// </summary>
    Task<ReceivedBatch> ReceiveAsync(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Marks the batch processed: the transport will not deliver it again.</summary>
    Task AcknowledgeAsync(ReceivedBatch batch, CancellationToken cancellationToken);
}
