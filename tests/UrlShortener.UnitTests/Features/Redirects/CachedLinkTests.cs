using System.Text.Json;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.UnitTests.Features.Redirects;

public sealed class CachedLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnEntryCachedBeforeWithdrawalExistedStillRedirects()
    {
        // What Redis holds for a link cached by the previous release: no "w".
        var cached = JsonSerializer.Deserialize<CachedLink>("""{"u":"https://example.com/","e":null,"r":302}""")!;

        Assert.False(cached.Withdrawn);
        Assert.False(cached.IsGoneAt(Now));
    }

    [Fact]
    public void TheWithdrawnFlagSurvivesTheTripThroughRedis()
    {
        var json = JsonSerializer.Serialize(new CachedLink("", null, 302, Withdrawn: true));

        Assert.Equal("""{"u":"","e":null,"r":302,"w":true}""", json);
        Assert.True(JsonSerializer.Deserialize<CachedLink>(json)!.IsGoneAt(Now));
    }

    [Fact]
    public void ExpiryAndWithdrawalEachMakeALinkGone()
    {
        Assert.False(new CachedLink("https://example.com/", Now.AddSeconds(1), 302).IsGoneAt(Now));
        Assert.True(new CachedLink("https://example.com/", Now, 302).IsGoneAt(Now));
        Assert.True(new CachedLink("https://example.com/", null, 302, Withdrawn: true).IsGoneAt(Now));
        Assert.False(CachedLink.Missing.Exists);
    }
}
