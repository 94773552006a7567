using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// Device class, OS, browser and bot flag of a user agent, from uap-core's regexes.yaml (embedded) plus
/// <see cref="DeviceClassRules"/>. Thread-safe; one instance per process, since loading compiles ~1,200 regexes.
/// </summary>
public sealed class UserAgentClassifier
{
    /// <summary>Longer user agents are classified on their first 1,024 characters (the length the store keeps).</summary>
    public const int MaxLength = 1024;

    internal const string ResourceName = "UrlShortener.Workers.ClickIngestion.Enrichment.UserAgents.regexes.yaml";

    // Parsing walks up to a few hundred regexes per list, and real traffic repeats a small set of user agents,
    // so nearly every click is a cache hit. 2 x 5,000 entries of at most 1 KiB keys stay within a few MiB.
    private const int CacheGenerationSize = 5_000;

    // A backstop against pathological input only: on 1 KiB adversarial user agents a whole parse stays under 20 ms.
    // Generous for the same reason as DeviceClassRules: a timed-out pattern would misclassify, and the result is cached.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly string[] WarmUpUserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ];
    private static readonly Lazy<UserAgentClassifier> Embedded = new(LoadFromResource, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly UapParser _parser;
    private readonly UserAgentCache<UserAgentInfo> _cache = new(CacheGenerationSize);
    private readonly Func<string, UserAgentInfo> _classifyUncached;

    private UserAgentClassifier(UapParser parser)
    {
        _parser = parser;
        _classifyUncached = ClassifyUncached;
    }

    internal int PatternCount => _parser.PatternCount;

    /// <summary>The classifier over the embedded uap-core data, loaded once per process on first use.</summary>
    public static UserAgentClassifier LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// An absent or blank user agent is class "other" and not a bot. Every browser sends one, so an empty header
    /// means a script or a privacy proxy; but "bot" is kept for agents that say what they are, so that
    /// human-versus-bot stays a fact read from the header rather than a guess. Such clicks remain visible apart,
    /// as device "other".
    /// </summary>
    public UserAgentInfo Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return UserAgentInfo.Empty;
        }

        var key = userAgent.Length > MaxLength ? userAgent[..MaxLength] : userAgent;
        return _cache.GetOrAdd(key, _classifyUncached);
    }

    internal static UserAgentClassifier Load(TextReader yaml)
    {
        var parser = UapParser.Load(yaml, MatchTimeout);

        // JIT-compiling ~1,200 compiled regexes takes about two seconds; pay it while loading, not in the first batch.
        parser.WarmUp(WarmUpUserAgents);
        return new UserAgentClassifier(parser);
    }

    internal UserAgentInfo ClassifyUncached(string userAgent)
    {
        var parsed = _parser.Parse(userAgent);
        var deviceType = DeviceClassRules.Classify(userAgent, parsed);
        return new UserAgentInfo(deviceType, parsed.Os, parsed.Browser, IsBot: deviceType == DeviceTypes.Bot);
    }

    internal UapResult ParseRaw(string userAgent) => _parser.Parse(userAgent);

    private static UserAgentClassifier LoadFromResource()
    {
        using var stream = typeof(UserAgentClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the workers' assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
