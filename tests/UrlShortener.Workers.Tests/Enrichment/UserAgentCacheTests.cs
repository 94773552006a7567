using System.Globalization;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class UserAgentCacheTests
{
    [Fact]
    public void CreatesEachValueOnceWhileItIsCached()
    {
        var cache = new UserAgentCache<string>(generationCapacity: 10);
        var created = 0;

        cache.GetOrAdd("a", key => { created++; return key.ToUpperInvariant(); });
        var second = cache.GetOrAdd("a", key => { created++; return key.ToUpperInvariant(); });

        Assert.Equal("A", second);
        Assert.Equal(1, created);
    }

    [Fact]
    public void KeepsEntriesInUseAcrossARotationAndForgetsIdleOnes()
    {
        var cache = new UserAgentCache<int>(generationCapacity: 4);
        var created = new List<string>();
        int Create(string key)
        {
            created.Add(key);
            return key.Length;
        }

        cache.GetOrAdd("hot", Create);
        for (var i = 0; i < 4; i++)
        {
            cache.GetOrAdd($"cold-{i}", Create);
            cache.GetOrAdd("hot", Create);
        }

        for (var i = 0; i < 8; i++)
        {
            cache.GetOrAdd($"new-{i}", Create);
            cache.GetOrAdd("hot", Create);
        }

        created.Clear();
        cache.GetOrAdd("hot", Create);
        cache.GetOrAdd("cold-0", Create);

        Assert.Equal(["cold-0"], created);
    }

    [Fact]
    public void NeverHoldsMoreThanTwoGenerations()
    {
        var cache = new UserAgentCache<int>(generationCapacity: 100);
        var keys = Enumerable.Range(0, 10_000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var key in keys)
        {
            cache.GetOrAdd(key, _ => 0);
        }

        // Each key is asked once more, so a hit can only be an entry that was still held after the first pass.
        var hits = 0;
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            hits += cache.GetOrAdd(keys[i], _ => -1) == 0 ? 1 : 0;
        }

        Assert.InRange(hits, 1, cache.Capacity);
    }
}
