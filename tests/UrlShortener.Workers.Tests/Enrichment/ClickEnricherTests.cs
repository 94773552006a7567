using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class ClickEnricherTests
{
    private const string Salt = "a-test-salt-of-enough-length";
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    private const string Slackbot = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
    private static readonly DateTimeOffset ClickedAt = new(2025, 3, 14, 23, 30, 0, TimeSpan.FromHours(-2));

    private readonly FakeGeoLocator _geo = new();

    [Fact]
    public void CombinesGeographyDeviceReferrerAndVisitorHash()
    {
        var click = Click("203.0.113.77", IPhone, "https://www.twitter.com/someone/status/1", "en-GB,en;q=0.9");

        var enriched = Enricher().Enrich(click);

        Assert.Equal(click.EventId, enriched.EventId);
        Assert.Equal("abc123", enriched.ShortCode);
        Assert.Equal(ClickedAt, enriched.ClickedAt);
        Assert.Equal("203.0.113.0", enriched.IpAddress);
        Assert.Equal("GB", enriched.Country);
        Assert.Equal("London", enriched.City);
        Assert.Equal(DeviceTypes.Mobile, enriched.DeviceType);
        Assert.Equal("iOS", enriched.Os);
        Assert.Equal("Mobile Safari", enriched.Browser);
        Assert.Equal("twitter.com", enriched.ReferrerHost);
        Assert.False(enriched.IsBot);
        Assert.Equal(new VisitorHasher(Salt).Hash(new DateOnly(2025, 3, 15), "203.0.113.77", IPhone), enriched.VisitorHash);
        Assert.Equal(IPhone, enriched.UserAgent);
        Assert.Equal("en-GB,en;q=0.9", enriched.AcceptLanguage);
        Assert.Equal(IPAddress.Parse("203.0.113.77"), Assert.Single(_geo.Asked));
    }

    [Fact]
    public void HashesTheFullAddressSoNeighboursStayDistinctVisitors()
    {
        var enricher = Enricher();

        var first = enricher.Enrich(Click("203.0.113.77", IPhone));
        var neighbour = enricher.Enrich(Click("203.0.113.78", IPhone));
        var again = enricher.Enrich(Click("::ffff:203.0.113.77", IPhone));

        Assert.Equal(first.IpAddress, neighbour.IpAddress);
        Assert.NotEqual(first.VisitorHash, neighbour.VisitorHash);
        Assert.Equal(first.VisitorHash, again.VisitorHash);
        Assert.Equal("203.0.113.0", again.IpAddress);
    }

    [Fact]
    public void StoresTheFullAddressOnlyWhenConfigured()
    {
        var enriched = Enricher(storeFullIp: true).Enrich(Click("2001:db8:1:2:3:4:5:6", IPhone));

        Assert.Equal("2001:db8:1:2:3:4:5:6", enriched.IpAddress);
        Assert.Equal("2001:db8:1::", Enricher().Enrich(Click("2001:db8:1:2:3:4:5:6", IPhone)).IpAddress);
    }

    [Fact]
    public void MarksLinkPreviewFetchersAsBots()
    {
        var enriched = Enricher().Enrich(Click("203.0.113.77", Slackbot));

        Assert.True(enriched.IsBot);
        Assert.Equal(DeviceTypes.Bot, enriched.DeviceType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-ip")]
    public void LeavesGeographyUnknownWithoutAUsableAddress(string? clientIp)
    {
        var enriched = Enricher().Enrich(Click(clientIp, IPhone));

        Assert.Null(enriched.IpAddress);
        Assert.Equal(GeoLocation.Unknown.Country, enriched.Country);
        Assert.Equal(GeoLocation.Unknown.City, enriched.City);
        Assert.Empty(_geo.Asked);
        Assert.Equal(22, enriched.VisitorHash.Length);
    }

    [Fact]
    public void CopesWithAClickThatCarriesNothingButItsCode()
    {
        var enriched = Enricher().Enrich(new ClickEvent(Guid.NewGuid(), "abc123", ClickedAt, null, null, null, null));

        Assert.Equal(DeviceTypes.Other, enriched.DeviceType);
        Assert.False(enriched.IsBot);
        Assert.Null(enriched.ReferrerHost);
        Assert.Null(enriched.UserAgent);
        Assert.Null(enriched.AcceptLanguage);
    }

    [Fact]
    public void TruncatesUserAgentAndAcceptLanguage()
    {
        var enriched = Enricher().Enrich(Click("203.0.113.77", IPhone + new string('x', 5_000), acceptLanguage: new string('e', 1_000)));

        Assert.Equal(ClickEnricher.MaxUserAgentLength, enriched.UserAgent!.Length);
        Assert.StartsWith(IPhone, enriched.UserAgent, StringComparison.Ordinal);
        Assert.Equal(ClickEnricher.MaxAcceptLanguageLength, enriched.AcceptLanguage!.Length);
        Assert.Equal(DeviceTypes.Mobile, enriched.DeviceType);
    }

    [Fact]
    public void NeverCutsASurrogatePairInHalf()
    {
        var userAgent = new string('a', ClickEnricher.MaxUserAgentLength - 1) + "😀";

        var enriched = Enricher().Enrich(Click("203.0.113.77", userAgent));

        Assert.Equal(ClickEnricher.MaxUserAgentLength - 1, enriched.UserAgent!.Length);
        Assert.False(char.IsSurrogate(enriched.UserAgent[^1]));
    }

    [Fact]
    public void WarnsAtStartWhenTheDevelopmentSaltIsInUse()
    {
        var logger = new ListLogger();

        _ = new ClickEnricher(_geo, UserAgentClassifier.LoadEmbedded(), Options.Create(new EnrichmentOptions()), logger);
        _ = new ClickEnricher(_geo, UserAgentClassifier.LoadEmbedded(), Options.Create(new EnrichmentOptions { VisitorSalt = Salt }), logger);

        var warning = Assert.Single(logger.Messages);
        Assert.Contains("Analytics:VisitorSalt", warning, StringComparison.Ordinal);
    }

    private ClickEnricher Enricher(bool storeFullIp = false) =>
        new(_geo, UserAgentClassifier.LoadEmbedded(),
            Options.Create(new EnrichmentOptions { VisitorSalt = Salt, StoreFullIp = storeFullIp }),
            NullLogger<ClickEnricher>.Instance);

    private static ClickEvent Click(string? clientIp, string? userAgent, string? referrer = null, string? acceptLanguage = null) =>
        new(Guid.NewGuid(), "abc123", ClickedAt, clientIp, userAgent, referrer, acceptLanguage);

    private sealed class FakeGeoLocator : IGeoLocator
    {
        public List<IPAddress> Asked { get; } = [];

        public GeoLocation Locate(IPAddress? address)
        {
            if (address is not null)
            {
                Asked.Add(address);
            }

            return new GeoLocation("GB", "London");
        }
    }

    private sealed class ListLogger : ILogger<ClickEnricher>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
