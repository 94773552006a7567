namespace UrlShortener.Workers.ClickIngestion;

/// <summary>Without Redis there is no live counter beyond <c>urls.click_count</c>.</summary>
public sealed class NoLiveClickCounter : ILiveClickCounter
{
    public Task AddAsync(IReadOnlyList<EnrichedClick> newClicks, CancellationToken cancellationToken) => Task.CompletedTask;
}
