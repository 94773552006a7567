using UrlShortener.Web.Features.Redirects.Clicks;

namespace UrlShortener.UnitTests.Features.Redirects.Clicks;

public sealed class ClickIdsTests
{
    [Fact]
    public void AnIdIsAVersion7UuidCarryingItsMillisecond()
    {
        var now = new DateTimeOffset(2026, 12, 5, 1, 40, 12, 345, TimeSpan.Zero);

        var id = ClickIds.NewId(now);
        var text = id.ToString("N");

        Assert.Equal(7, id.Version);
        Assert.Contains(text[16], "89ab");
        Assert.Equal(now.ToUnixTimeMilliseconds(), Convert.ToInt64(text[..12], 16));
    }

    [Fact]
    public void IdsAreUniqueAndSortByTheirMillisecond()
    {
        var start = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 100_000)
            .Select(i => ClickIds.NewId(start.AddMilliseconds(i / 10)).ToString("N"))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 10; i < ids.Count; i += 10)
        {
            Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0, $"{ids[i - 1]} should sort before {ids[i]}");
        }
    }
}
