using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.Tests.Transports;

internal static class TestClicks
{
    /// <summary>Distinct events over a couple of hundred short codes, so that keyed transports spread them.</summary>
    public static List<ClickEvent> Create(int count)
    {
        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var clicks = new List<ClickEvent>(count);
        for (var i = 0; i < count; i++)
        {
            clicks.Add(new ClickEvent(
                Guid.NewGuid(),
                $"c{i % 200:D3}",
                start.AddTicks(i * 1_234_567L),
                i % 3 == 0 ? null : $"203.0.113.{i % 256}",
                i % 5 == 0 ? null : $"Mozilla/5.0 (X11; Linux x86_64) Test/{i} «ünïcode»",
                i % 2 == 0 ? "https://twitter.com/some/post" : null,
                "fr-CH,fr;q=0.9"));
        }

        return clicks;
    }
}
