using System.Globalization;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Tests.Stores;

/// <summary>Test clicks, and what the store should make of them, worked out here the plain way.</summary>
internal static class Clicks
{
    public static EnrichedClick Human(
        string code, string at, string visitor, string country = "US", string city = "Mountain View",
        string device = "desktop", string browser = "Chrome", string os = "Windows", string? referrer = null) =>
        new(Guid.NewGuid(), code, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), "203.0.113.0", country, city, device,
            os, browser, referrer, IsBot: false, visitor, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "en-US,en;q=0.9");

    public static EnrichedClick Bot(string code, string at, string? referrer = null) =>
        new(Guid.NewGuid(), code, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), "198.51.100.0", "US", "unknown", "bot",
            "Other", "Slackbot", referrer, IsBot: true, "bot-visitor", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", null);

    /// <summary>A repeatable mix: several links and days, a fifth bots, visitors coming back, a third without referrer.</summary>
    public static List<EnrichedClick> Random(int count, int seed, int links = 6, int days = 4, int visitors = 400)
    {
        var random = new Random(seed);
        string[] countries = ["US", "DE", "GB", "FR", "unknown"];
        string[] cities = ["Springfield", "Berlin", "London", "Paris", "unknown"];
        string[] devices = ["desktop", "mobile", "tablet", "other"];
        string[] browsers = ["Chrome", "Firefox", "Safari", "Edge"];
        string[] systems = ["Windows", "iOS", "Android", "Mac OS X", "Linux"];
        string?[] referrers = [null, "twitter.com", "news.ycombinator.com", "www.google.com", null, "t.co"];
        var start = new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero);
        var clicks = new List<EnrichedClick>(count);
        var idBytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(idBytes);
            var place = random.Next(countries.Length);
            var bot = random.Next(5) == 0;
            clicks.Add(new EnrichedClick(
                new Guid(idBytes),
                $"code{random.Next(links)}",
                start.AddSeconds(random.Next(days * 86_400)),
                "192.0.2.0",
                countries[place],
                cities[place],
                bot ? "bot" : devices[random.Next(devices.Length)],
                systems[random.Next(systems.Length)],
                bot ? "Googlebot" : browsers[random.Next(browsers.Length)],
                referrers[random.Next(referrers.Length)],
                bot,
                $"visitor{random.Next(visitors)}",
                "Mozilla/5.0",
                "en"));
        }

        return clicks;
    }

    public static IEnumerable<string> Links(int count = 6) => Enumerable.Range(0, count).Select(i => $"code{i}");

    /// <summary>The store's contract written out with LINQ: counts of all distinct events, the links seeded at zero.</summary>
    public static StoreSnapshot Expected(IEnumerable<EnrichedClick> clicks, IEnumerable<string> links)
    {
        var events = clicks.DistinctBy(c => c.EventId).ToList();
        var humans = events.Where(c => !c.IsBot).ToList();
        var stats = events
            .GroupBy(c => (c.ShortCode, Day: Day(c)))
            .Select(g => new StoreSnapshot.DailyStat(g.Key.ShortCode, g.Key.Day, g.Count(), g.Count(c => !c.IsBot),
                g.Where(c => !c.IsBot).Select(c => c.VisitorHash).Distinct().Count()));
        var dimensions = humans
            .SelectMany(c => new[]
            {
                (c.ShortCode, Day(c), "country", c.Country),
                (c.ShortCode, Day(c), "city", c.City == "unknown" ? "unknown" : c.Country == "unknown" ? c.City : $"{c.City}, {c.Country}"),
                (c.ShortCode, Day(c), "device", c.DeviceType),
                (c.ShortCode, Day(c), "browser", c.Browser),
                (c.ShortCode, Day(c), "os", c.Os),
                (c.ShortCode, Day(c), "referrer", c.ReferrerHost ?? "direct"),
            })
            .GroupBy(d => d)
            .Select(g => new StoreSnapshot.DimensionCount(g.Key.ShortCode, g.Key.Item2, g.Key.Item3, g.Key.Item4, g.Count()));
        var totals = links.Select(code => new StoreSnapshot.LinkTotal(code, humans.Count(c => c.ShortCode == code)));
        return StoreSnapshot.Create(events.Count, stats, dimensions, totals);
    }

    private static string Day(EnrichedClick click) => click.ClickedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
