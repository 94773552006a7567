namespace UrlShortener.Workers.Tests.Stores;

/// <summary>Everything a click store keeps, read back in a fixed order so that two snapshots compare row by row.</summary>
public sealed record StoreSnapshot(
    long RawEvents,
    IReadOnlyList<StoreSnapshot.DailyStat> Stats,
    IReadOnlyList<StoreSnapshot.DimensionCount> Dimensions,
    IReadOnlyList<StoreSnapshot.LinkTotal> LinkTotals)
{
    public static void AssertEqual(StoreSnapshot expected, StoreSnapshot actual)
    {
        Assert.Equal(expected.Stats, actual.Stats);
        Assert.Equal(expected.Dimensions, actual.Dimensions);
        Assert.Equal(expected.LinkTotals, actual.LinkTotals);
        Assert.Equal(expected.RawEvents, actual.RawEvents);
    }

    public static StoreSnapshot Create(
        long rawEvents, IEnumerable<DailyStat> stats, IEnumerable<DimensionCount> dimensions, IEnumerable<LinkTotal> linkTotals) =>
        new(rawEvents,
            [.. stats.OrderBy(s => s.ShortCode, StringComparer.Ordinal).ThenBy(s => s.Day, StringComparer.Ordinal)],
            [.. dimensions.OrderBy(d => d.ShortCode, StringComparer.Ordinal).ThenBy(d => d.Day, StringComparer.Ordinal)
                .ThenBy(d => d.Dimension, StringComparer.Ordinal).ThenBy(d => d.Value, StringComparer.Ordinal)],
            [.. linkTotals.OrderBy(l => l.ShortCode, StringComparer.Ordinal)]);

    public sealed record DailyStat(string ShortCode, string Day, long Clicks, long HumanClicks, long UniqueVisitors);

    public sealed record DimensionCount(string ShortCode, string Day, string Dimension, string Value, long Clicks);

    public sealed record LinkTotal(string ShortCode, long ClickCount);
}
