using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class ReferrerHostsTests
{
    [Theory]
    [InlineData("https://www.twitter.com/x", "twitter.com")]
    [InlineData("https://t.co/AbC123", "t.co")]
    [InlineData("http://News.YCombinator.com/item?id=1", "news.ycombinator.com")]
    [InlineData("https://www.google.com/", "google.com")]
    [InlineData("https://user:secret@example.org:8443/path?q=1#frag", "example.org")]
    [InlineData("https://example.com./", "example.com")]
    [InlineData("  https://l.facebook.com/l.php?u=x  ", "l.facebook.com")]
    [InlineData("https://wwwexample.com/", "wwwexample.com")]
    [InlineData("http://192.0.2.10:8080/", "192.0.2.10")]
    [InlineData("http://[2001:DB8::1]:8080/x", "2001:db8::1")]
    public void KeepsOnlyTheLowerCaseHostWithoutWww(string referrer, string expected)
    {
        Assert.Equal(expected, ReferrerHosts.HostOf(referrer));
    }

    [Theory]
    [InlineData("https://bücher.example/katalog", "xn--bcher-kva.example")]
    [InlineData("https://www.BÜCHER.example/", "xn--bcher-kva.example")]
    [InlineData("https://xn--bcher-kva.example/", "xn--bcher-kva.example")]
    public void WritesInternationalHostsInPunycode(string referrer, string expected)
    {
        Assert.Equal(expected, ReferrerHosts.HostOf(referrer));
    }

    [Theory]
    [InlineData("android-app://com.slack/", "com.slack")]
    [InlineData("android-app://com.google.android.gm/", "com.google.android.gm")]
    public void NamesTheAppForAndroidAppReferrers(string referrer, string expected)
    {
        Assert.Equal(expected, ReferrerHosts.HostOf(referrer));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/path")]
    [InlineData("//example.com/protocol-relative")]
    [InlineData("example.com")]
    [InlineData("not a url")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("http://exa mple.com/")]
    [InlineData("https://[::1")]
    public void AnswersNullForAnythingButAnAbsoluteHttpReferrer(string? referrer)
    {
        Assert.Null(ReferrerHosts.HostOf(referrer));
    }

    [Fact]
    public void RejectsHostsLongerThan255Characters()
    {
        var longHost = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));

        Assert.Null(ReferrerHosts.HostOf($"https://{longHost}/"));
        Assert.Null(ReferrerHosts.HostOf("https://example.com/" + new string('a', 100_000)));
    }

    [Fact]
    public void NeverThrowsOnGarbage()
    {
        var random = new Random(42);
        const string alphabet = "htps:/w.[]%@?#:xn--ü\u0000\uD800 ";
        for (var i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var host = ReferrerHosts.HostOf("https://" + new string(chars));
            Assert.True(host is null || host.Length <= ReferrerHosts.MaxLength);
        }
    }
}
