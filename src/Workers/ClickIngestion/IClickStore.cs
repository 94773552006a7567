namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// The analytics store: raw events plus the per-day aggregates the analytics API reads, written in one
/// transaction. Storing is exactly once: events whose id is already stored are skipped, aggregates included.
/// </summary>
public interface IClickStore
{
    /// <summary>Stores the batch and answers the events that were new (replayed ones are left out).</summary>
    Task<IReadOnlyList<EnrichedClick>> StoreAsync(IReadOnlyList<EnrichedClick> clicks, CancellationToken cancellationToken);
}
