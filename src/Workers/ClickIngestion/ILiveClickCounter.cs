namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// The spec's live total per link (<c>clicks:{code}</c> in Redis), bumped after each stored batch by the human clicks
/// that were new. Best effort: <c>urls.click_count</c>, updated in the store's transaction, is the source of truth.
/// </summary>
public interface ILiveClickCounter
{
    Task AddAsync(IReadOnlyList<EnrichedClick> newClicks, CancellationToken cancellationToken);
}
