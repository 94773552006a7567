namespace UrlShortener.Bench;

/// <summary>
/// The benchmark's deterministic links, compiled into both the load generator (which seeds them into PostgreSQL and
/// picks codes from them) and the reference app (which answers them from a dictionary), so the two always agree.
/// Codes are 7 characters, "b" + 6 base62 digits of the index: the app generates 6-character codes for its first
/// 62^6 links, so a seeded code can never meet a generated one. Unknown codes have the same shape with "u".
/// </summary>
public static class SeedSet
{
    public const int DefaultCount = 1_000_000;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly string[] Hosts =
    [
        "www.example.com", "shop.example.org", "news.example.net", "blog.example.io",
        "docs.example.dev", "store.example.co.uk", "media.example.de", "learn.example.edu",
    ];

    private static readonly string[] Sections = ["articles", "products", "news", "guides", "events", "videos", "docs", "offers"];

    private static readonly string[] Words =
    [
        "summer", "sale", "how", "to", "build", "fast", "best", "guide", "review", "new", "release", "notes",
        "travel", "city", "coffee", "running", "shoes", "garden", "recipe", "winter", "update", "launch", "tips", "home",
    ];

    private static readonly string[] Sources = ["newsletter", "twitter", "linkedin", "partner", "email", "rss"];

    public static string Code(long index) => Prefixed('b', index);

    /// <summary>A code of a valid shape that is never seeded and never generated: the app answers 404.</summary>
    public static string UnknownCode(long index) => Prefixed('u', index);

    /// <summary>A realistic destination, 60-100 characters, different for every index (the index is in the path).</summary>
    public static string LongUrl(long index)
    {
        var h = Mix((ulong)index);
        var host = Hosts[(int)(h % (ulong)Hosts.Length)];
        h /= (ulong)Hosts.Length;
        var section = Sections[(int)(h % (ulong)Sections.Length)];
        h /= (ulong)Sections.Length;
        var year = 2019 + (int)(h % 8);
        h /= 8;
        var words = 2 + (int)(h % 3);
        h /= 3;
        var slug = new System.Text.StringBuilder(48);
        for (var i = 0; i < words; i++)
        {
            slug.Append(Words[(int)(h % (ulong)Words.Length)]).Append('-');
            h /= (ulong)Words.Length;
        }

        slug.Append(index);
        // Half the links carry campaign parameters, as links shared by marketing tools do.
        var query = h % 2 == 0 ? "" : $"?utm_source={Sources[(int)(h / 2 % (ulong)Sources.Length)]}&utm_medium=social";
        return $"https://{host}/{section}/{year}/{slug}{query}";
    }

    private static string Prefixed(char prefix, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> code = stackalloc char[7];
        code[0] = prefix;
        for (var i = 6; i >= 1; i--)
        {
            code[i] = Base62[(int)(index % 62)];
            index /= 62;
        }

        return new string(code);
    }

    // SplitMix64: spreads consecutive indexes over unrelated hosts and words, the same on every machine and run.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
