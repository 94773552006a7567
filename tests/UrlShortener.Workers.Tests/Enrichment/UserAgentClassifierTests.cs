using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class UserAgentClassifierTests
{
    private readonly UserAgentClassifier _classifier = UserAgentClassifier.LoadEmbedded();

    [Fact]
    public void AgreesWithTheCorpusOnAtLeast95PercentOfUserAgents()
    {
        var disagreements = UserAgentCorpus.All
            .Select(sample => (sample.Expected, sample.UserAgent, Actual: _classifier.Classify(sample.UserAgent).DeviceType))
            .Where(result => result.Actual != result.Expected)
            .ToList();
        var agreement = 1.0 - (double)disagreements.Count / UserAgentCorpus.All.Count;

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Device class agreement: {agreement:P1} ({UserAgentCorpus.All.Count - disagreements.Count}/{UserAgentCorpus.All.Count})");
        foreach (var (expected, userAgent, actual) in disagreements)
        {
            output?.WriteLine($"  expected {expected}, got {actual}: {userAgent}");
        }

        Assert.True(agreement >= 0.95, $"Agreement {agreement:P1} is below 95%; disagreements: {string.Join(" | ", disagreements)}");
    }

    [Fact]
    public void CorpusCoversEveryClassWithEnoughRealUserAgents()
    {
        var counts = UserAgentCorpus.All.GroupBy(sample => sample.Expected).ToDictionary(group => group.Key, group => group.Count());

        Assert.True(UserAgentCorpus.All.Count >= 100);
        Assert.True(counts[DeviceTypes.Mobile] >= 25);
        Assert.True(counts[DeviceTypes.Tablet] >= 15);
        Assert.True(counts[DeviceTypes.Desktop] >= 25);
        Assert.True(counts[DeviceTypes.Bot] >= 25);
        Assert.True(counts[DeviceTypes.Other] >= 10);
        Assert.Equal(UserAgentCorpus.All.Count, UserAgentCorpus.All.Select(sample => sample.UserAgent).Distinct().Count());
    }

    [Theory]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Slackbot 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("facebookcatalog/1.0")]
    [InlineData("Facebot")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("WhatsApp/2.23.24.82 i")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview")]
    [InlineData("Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)")]
    [InlineData("Iframely/1.3.1 (+https://iframely.com/docs/about)")]
    [InlineData("Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)")]
    [InlineData("Mastodon/4.2.1 (http.rb/5.1.1; +https://mastodon.social/)")]
    [InlineData("Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)")]
    [InlineData("Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.129 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)")]
    [InlineData("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)")]
    public void ClassifiesLinkPreviewFetchersAndCrawlersAsBots(string userAgent)
    {
        var info = _classifier.Classify(userAgent);

        Assert.Equal(DeviceTypes.Bot, info.DeviceType);
        Assert.True(info.IsBot);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "mobile", "iOS", "Mobile Safari")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", "mobile", "iOS", "Chrome Mobile iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", "mobile", "Android", "Samsung Internet")]
    [InlineData("Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0", "mobile", "Android", "Firefox Mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", "tablet", "iOS", "Chrome Mobile iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 9; KFONWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/119.3.1 like Chrome/119.0.6045.193 Safari/537.36", "tablet", "Android", "Amazon Silk")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "desktop", "Windows", "Chrome")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", "desktop", "Windows", "Edge")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0", "desktop", "Windows", "Firefox")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15", "desktop", "Mac OS X", "Safari")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "desktop", "Linux", "Chrome")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "desktop", "Chrome OS", "Chrome")]
    [InlineData("curl/8.4.0", "other", "Other", "curl")]
    public void NamesDeviceClassOsAndBrowserFamilies(string userAgent, string deviceType, string os, string browser)
    {
        var info = _classifier.Classify(userAgent);

        Assert.Equal(new UserAgentInfo(deviceType, os, browser, IsBot: false), info);
    }

    [Fact]
    public void AppliesUapCoreReplacementTemplates()
    {
        var galaxyTab = _classifier.ParseRaw(
            "Mozilla/5.0 (Linux; Android 12; SAMSUNG SM-T870) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/20.0 Chrome/106.0.5249.126 Safari/537.36");
        var kindle = _classifier.ParseRaw(
            "Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) AppleWebKit/535.19 (KHTML, like Gecko) Silk/3.4 Mobile Safari/535.19 Silk-Accelerated=true");

        Assert.Equal(new UapResult("Samsung Internet", "Android", "Samsung SM-T870", "Samsung", "SM-T870"), galaxyTab);
        Assert.Equal(new UapResult("Amazon Silk", "Android", "Kindle Fire HD", "Amazon", "Kindle Fire HD 7\""), kindle);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TreatsAMissingUserAgentAsOtherAndNotAsABot(string? userAgent)
    {
        // The decision documented on Classify: no header is "other", and "bot" stays for agents that say so.
        Assert.Equal(UserAgentInfo.Empty, _classifier.Classify(userAgent));
        Assert.False(_classifier.Classify(userAgent).IsBot);
    }

    [Theory]
    [InlineData("Python-urllib/3.11")]
    [InlineData("Java/1.8.0_392")]
    [InlineData("python-requests/2.31.0")]
    public void TreatsHttpLibrariesAsOtherEvenWhereUapCoreCallsThemSpiders(string userAgent)
    {
        var info = _classifier.Classify(userAgent);

        Assert.Equal(DeviceTypes.Other, info.DeviceType);
        Assert.False(info.IsBot);
    }

    [Fact]
    public void ClassifiesAHugeUserAgentOnItsFirst1024Characters()
    {
        var chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        var huge = chrome + new string('x', 100_000);

        Assert.Equal(DeviceTypes.Desktop, _classifier.Classify(huge).DeviceType);
    }

    [Fact]
    public void AnswersRepeatedUserAgentsFromTheCache()
    {
        var userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

        Assert.Same(_classifier.Classify(userAgent), _classifier.Classify(userAgent));
    }

    [Fact]
    public void LoadsTheEmbeddedDataOncePerProcess()
    {
        var loaded = Enumerable.Range(0, 8).AsParallel().Select(_ => UserAgentClassifier.LoadEmbedded()).ToList();

        Assert.All(loaded, classifier => Assert.Same(_classifier, classifier));
        Assert.True(_classifier.PatternCount > 1_000, $"Only {_classifier.PatternCount} uap-core patterns were loaded.");
    }

    [Fact]
    public void ClassifiesConcurrentlyWithoutInterference()
    {
        var results = UserAgentCorpus.All.AsParallel().WithDegreeOfParallelism(8)
            .Select(sample => (sample.UserAgent, _classifier.Classify(sample.UserAgent).DeviceType))
            .ToList();

        Assert.All(results, result => Assert.Equal(_classifier.Classify(result.UserAgent).DeviceType, result.DeviceType));
    }
}
