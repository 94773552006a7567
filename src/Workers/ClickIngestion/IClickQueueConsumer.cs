namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// The consuming side of the click queue, used by one ingestion worker. A batch is acknowledged only after it is
/// stored, so a worker that dies in between leaves the batch to be delivered again (to itself or a peer).
/// </summary>
public interface IClickQueueConsumer : IAsyncDisposable
{
    /// <summary>Waits up to <paramref name="maxWait"/> for events and returns at most <paramref name="maxEvents"/> (possibly none).</summary>
    Task<ReceivedBatch> ReceiveAsync(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Marks the batch processed: the transport will not deliver it again.</summary>
    Task AcknowledgeAsync(ReceivedBatch batch, CancellationToken cancellationToken);
}
