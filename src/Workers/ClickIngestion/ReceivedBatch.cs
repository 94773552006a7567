using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion;

/// <summary>Events taken from the queue, plus what the transport needs to acknowledge them (message ids, offsets).</summary>
public sealed record ReceivedBatch(IReadOnlyList<ClickEvent> Events, object? Position)
{
    public static readonly ReceivedBatch Empty = new([], null);
}
