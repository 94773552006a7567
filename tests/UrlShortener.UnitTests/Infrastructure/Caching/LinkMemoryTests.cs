using Microsoft.Extensions.Time.Testing;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Infrastructure.Caching;

namespace UrlShortener.UnitTests.Infrastructure.Caching;

public sealed class LinkMemoryTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static CachedLink Link(int i) => new($"https://example.com/{i}", null, 302);

    [Fact]
    public void ALinkIsFreshForItsLifetimeThenStaleButStillThereForTheFailSafe()
    {
        var memory = new LinkMemory(100, 100, _time);
        var link = Link(1);
        memory.Set("aZ3kQ9", link, Day);

        Assert.True(memory.TryGet("aZ3kQ9", out var found, out var fresh));
        Assert.Same(link, found);
        Assert.True(fresh);

        _time.Advance(Day);
        Assert.True(memory.TryGet("aZ3kQ9", out found, out fresh));
        Assert.Same(link, found);
        Assert.False(fresh);
    }

    [Fact]
    public void NoSuchCodeIsKeptForItsLifetimeAndThenForgotten()
    {
        var memory = new LinkMemory(100, 100, _time);
        memory.Set("nope42", CachedLink.Missing, Minute);

        Assert.True(memory.TryGet("nope42", out var found, out var fresh));
        Assert.False(found.Exists);
        Assert.True(fresh);

        _time.Advance(Minute);
        Assert.False(memory.TryGet("nope42", out _, out fresh));
        Assert.False(fresh);
    }

    [Fact]
    public void ALinkAndANoSuchCodeReplaceEachOther()
    {
        var memory = new LinkMemory(100, 100, _time);
        memory.Set("alias1", CachedLink.Missing, Minute);
        memory.Set("alias1", Link(1), Day);

        Assert.True(memory.TryGet("alias1", out var found, out _));
        Assert.True(found.Exists);
        Assert.Equal(1, memory.Count);

        memory.Set("alias1", CachedLink.Missing, Minute);
        Assert.True(memory.TryGet("alias1", out found, out _));
        Assert.False(found.Exists);
        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void RemoveForgetsTheCode()
    {
        var memory = new LinkMemory(100, 100, _time);
        memory.Set("aZ3kQ9", Link(1), Day);
        memory.Remove("aZ3kQ9");

        Assert.False(memory.TryGet("aZ3kQ9", out _, out _));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void OverTheBoundTheLeastRecentlyUsedLinksGoFirst()
    {
        var memory = new LinkMemory(1_000, 100, _time);
        for (var i = 0; i < 1_000; i++)
        {
            memory.Set($"c{i:D5}", Link(i), Day);
        }

        // The second half is used later than the first; then 200 more arrive.
        _time.Advance(Minute);
        for (var i = 500; i < 1_000; i++)
        {
            Assert.True(memory.TryGet($"c{i:D5}", out _, out _));
        }

        _time.Advance(Minute);
        for (var i = 1_000; i < 1_200; i++)
        {
            memory.Set($"c{i:D5}", Link(i), Day);
        }

        memory.CompactNow();

        Assert.InRange(memory.Count, 800, 1_000);
        for (var i = 500; i < 1_200; i++)
        {
            Assert.True(memory.TryGet($"c{i:D5}", out var found, out _), $"c{i:D5} was used recently and must stay");
            Assert.Equal($"https://example.com/{i}", found.LongUrl);
        }
    }

    [Fact]
    public void AScanOfUnknownCodesNeverPushesLinksOut()
    {
        var memory = new LinkMemory(1_000, 100, _time);
        for (var i = 0; i < 1_000; i++)
        {
            memory.Set($"c{i:D5}", Link(i), Day);
        }

        for (var i = 0; i < 10_000; i++)
        {
            memory.Set($"u{i:D5}", CachedLink.Missing, Minute);
        }

        memory.CompactNow();

        Assert.InRange(memory.Count, 1_000, 1_100);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(memory.TryGet($"c{i:D5}", out _, out _));
        }
    }
}
