using UrlShortener.Shared.Api;
using UrlShortener.Tests.Common;
using UrlShortener.Web.Features.Safety;

namespace UrlShortener.UnitTests.Features.Safety;

public sealed class DestinationValidatorTests
{
    // The same rules the integration tests run the server with, so the corpus means the same here.
    private static readonly DestinationRules Strict = new(false, ["localhost", "sho.rt"]);
    private static readonly DestinationRules Permissive = new(true, ["sho.rt"]);

    private static readonly string[] RealWorldUrls =
    [
        "https://www.google.com/search?q=url+shortener&hl=en#top",
        "https://en.wikipedia.org/wiki/Stra%C3%9Fe",
        "https://de.wikipedia.org/wiki/Straße",
        "https://github.com/dotnet/runtime/issues?q=is%3Aissue+is%3Aopen+label%3Aarea-System.Net",
        "https://example.com:8443/path/to/page.html?utm_source=newsletter&utm_medium=email",
        "http://example.org",
        "https://bücher.example/katalog?seite=2",
        "https://日本語.jp/パス?検索=テスト#見出し",
        "https://[2606:4700::1111]/dns-query?name=example.com",
        "https://[2001:4860:4860:0:0:0:0:8888]:443/",
        "https://www.amazon.com/dp/B08N5WRWNW/ref=sr_1_1?keywords=kindle&qid=1600000000&sr=8-1",
        "https://maps.google.com/?q=48.8584,2.2945&z=17",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "https://example.com/a%20b/c%2Fd?e=%26f#g%23h",
        "https://example.com/search?q=[a]&b={c}|d^e`f",
        "https://mañana.example/señor?x=ü",
        "HTTPS://WWW.EXAMPLE.COM:443/UPPER/Case",
        "https://1.1.1.1/help",
        "https://example.com/emoji/😀?q=🎉",
        "https://example.com/#/spa/route?x=1",
        "https://пример.рф/путь",
        "https://example.com/100%/done?pct=50%",
    ];

    public static TheoryData<string> RealWorld => new(RealWorldUrls);

    [Theory]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com?q=1", "https://example.com/?q=1")]
    [InlineData("https://example.com#top", "https://example.com/#top")]
    [InlineData("HTTPS://Example.COM/Path?Q=1#Frag", "https://example.com/Path?Q=1#Frag")]
    [InlineData("https://example.com./x", "https://example.com/x")]
    [InlineData("https://bücher.example/", "https://xn--bcher-kva.example/")]
    [InlineData("https://BÜCHER.example/", "https://xn--bcher-kva.example/")]
    [InlineData("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/")]
    [InlineData("https://\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com/", "https://example.com/")]
    [InlineData("https://%65xample.com/", "https://example.com/")]
    [InlineData("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/")]
    [InlineData("https://ab--cd.example/", "https://ab--cd.example/")]
    [InlineData("https://example.com/straße?q=日本", "https://example.com/stra%C3%9Fe?q=%E6%97%A5%E6%9C%AC")]
    [InlineData("https://example.com/#café", "https://example.com/#caf%C3%A9")]
    [InlineData("https://example.com/😀", "https://example.com/%F0%9F%98%80")]
    [InlineData("https://example.com/a%2Fb/%7Euser/%41?x=%20", "https://example.com/a%2Fb/%7Euser/%41?x=%20")]
    [InlineData("https://example.com/%c3%a9", "https://example.com/%c3%a9")]
    [InlineData("https://example.com/100%", "https://example.com/100%25")]
    [InlineData("https://example.com/%zz", "https://example.com/%25zz")]
    [InlineData("https://example.com/?q=<b>\"x\"", "https://example.com/?q=%3Cb%3E%22x%22")]
    [InlineData("https://example.com/a|b{c}^`", "https://example.com/a%7Cb%7Bc%7D%5E%60")]
    [InlineData("https://example.com/a/../b/./c", "https://example.com/a/../b/./c")]
    [InlineData("https://example.com:443/", "https://example.com/")]
    [InlineData("http://example.com:80/", "http://example.com/")]
    [InlineData("https://example.com:00443/", "https://example.com/")]
    [InlineData("https://example.com:/", "https://example.com/")]
    [InlineData("http://example.com:443/", "http://example.com:443/")]
    [InlineData("https://example.com:8443/x", "https://example.com:8443/x")]
    [InlineData("https://[2606:4700::1111]/", "https://[2606:4700::1111]/")]
    [InlineData("https://[2606:4700:0:0:0:0:0:1111]:8443/", "https://[2606:4700::1111]:8443/")]
    [InlineData("https://[2606:4700:4700::1111]", "https://[2606:4700:4700::1111]/")]
    [InlineData("https://[::ffff:8.8.8.8]/", "https://[::ffff:808:808]/")]
    [InlineData("https://[2606:0:0:1:0:0:0:1]/", "https://[2606:0:0:1::1]/")]
    [InlineData("https://[2606:0:0:1:2:0:0:3]/", "https://[2606::1:2:0:0:3]/")]
    [InlineData("https://[2606:1:2:3:4:5:0:6]/", "https://[2606:1:2:3:4:5:0:6]/")]
    [InlineData("https://[2606:4700::]/", "https://[2606:4700::]/")]
    [InlineData("https://[2606:4700:0010:0000:0000:0000:6816:0001]/", "https://[2606:4700:10::6816:1]/")]
    [InlineData("http://134744072/", "http://8.8.8.8/")]
    [InlineData("http://8.8.8.8./", "http://8.8.8.8/")]
    [InlineData("http://0x08.0x08.0x08.0x08/", "http://8.8.8.8/")]
    public void AcceptsPublicUrlsInTheirNormalisedForm(string input, string expected)
    {
        var verdict = DestinationValidator.Check(input, Strict);

        Assert.True(verdict.IsAccepted, verdict.Message);
        Assert.Equal(expected, verdict.NormalizedUrl);
        Assert.Null(verdict.ErrorCode);
        Assert.Null(verdict.Message);
    }

    [Theory]
    [InlineData("  https://example.com/  ")]
    [InlineData("\r\nhttps://example.com/\n")]
    [InlineData("\thttps://example.com/\u00A0")]
    public void TrimsWhitespaceAroundThePastedUrl(string input)
    {
        Assert.Equal("https://example.com/", DestinationValidator.Check(input, Strict).NormalizedUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void RefusesMissingInput(string? input)
    {
        AssertRefused(ErrorCodes.InvalidUrl, input);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com/path")]
    [InlineData("example.com:8080/path")]
    [InlineData("//example.com/")]
    [InlineData("/relative/path")]
    [InlineData(":8080")]
    [InlineData("1http://example.com/")]
    [InlineData("https:example.com")]
    [InlineData("https:/example.com")]
    public void RefusesUrlsThatAreNotAbsolute(string input)
    {
        AssertRefused(ErrorCodes.InvalidUrl, input);
    }

    [Fact]
    public void SuggestsTheFullUrlWhenTheSchemeIsMissing()
    {
        var verdict = DestinationValidator.Check("example.com/page?x=1", Strict);

        Assert.Equal(ErrorCodes.InvalidUrl, verdict.ErrorCode);
        Assert.Equal(
            "The destination must be a full URL starting with http:// or https://, e.g. https://example.com/page. Did you mean 'https://example.com/page?x=1'?",
            verdict.Message);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("ws://example.com/")]
    [InlineData("httpx://example.com/")]
    [InlineData("localhost:8080")]
    public void RefusesSchemesOtherThanHttpAndHttps(string input)
    {
        AssertRefused(ErrorCodes.UnsupportedScheme, input);
    }

    [Fact]
    public void NamesTheRefusedSchemeInTheMessage()
    {
        var verdict = DestinationValidator.Check("javascript:alert(1)", Strict);

        Assert.Equal("The destination must be an http or https URL; got 'javascript:'.", verdict.Message);
    }

    [Theory]
    [InlineData("https://example.com/a\r\nb")]
    [InlineData("https://example.com/a\nSet-Cookie: x=1")]
    [InlineData("https://exa\tmple.com/")]
    [InlineData("https://example.com/\0x")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/a\u00A0b")]
    [InlineData("https://example.com/a\u2028b")]
    [InlineData("https://example.com/a\u0085b")]
    [InlineData("https://example.com/a\u007Fb")]
    [InlineData("https://example.com/a\u202Eb")]
    [InlineData("https://example.com/a\u2066b")]
    [InlineData("java\tscript:alert(1)")]
    public void RefusesControlCharactersAndWhitespaceInsideTheUrl(string input)
    {
        AssertRefused(ErrorCodes.InvalidUrl, input);
    }

    [Fact]
    public void RefusesBrokenUtf16()
    {
        AssertRefused(ErrorCodes.InvalidUrl, "https://example.com/a\uD800b");
        AssertRefused(ErrorCodes.InvalidUrl, "https://example.com/a\uDC00");
    }

    [Theory]
    [InlineData("https://example.com/a\r\nSet-Cookie: x=1")]
    [InlineData("https://example.com/a\u202Eb")]
    [InlineData("https://exa%0d%0ample.com/")]
    [InlineData("https://[::1\r\n]/")]
    [InlineData("https://example.com:8\u0000/")]
    [InlineData("\u0007javascript:alert(1)")]
    public void NeverEchoesControlCharactersInTheMessage(string input)
    {
        var verdict = DestinationValidator.Check(input, Strict);

        Assert.False(verdict.IsAccepted);
        Assert.NotNull(verdict.Message);
        Assert.DoesNotContain(verdict.Message, c => char.IsControl(c) || c is '\u202E' or '\u2028');
    }

    [Theory]
    [InlineData("https://evil.example\\@good.example")]
    [InlineData("https:\\\\evil.example/")]
    [InlineData("https://good.example\\.evil.example/")]
    [InlineData("https://example.com/path\\to")]
    public void RefusesBackslashesThatBrowsersReadAsSlashes(string input)
    {
        AssertRefused(ErrorCodes.InvalidUrl, input);
    }

    [Theory]
    [InlineData("https://bank.example@evil.example/")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://user@example.com/")]
    [InlineData("https://:pass@example.com/")]
    [InlineData("https://@example.com/")]
    [InlineData("https://a@b@example.com/")]
    [InlineData("https://sho.rt@example.com/")]
    public void RefusesCredentialsBeforeTheHost(string input)
    {
        AssertRefused(ErrorCodes.UrlHasCredentials, input);
    }

    [Fact]
    public void KeepsAnAtSignInThePathOrQuery()
    {
        Assert.Equal(
            "https://example.com/@alice?to=bob@example.org",
            DestinationValidator.Check("https://example.com/@alice?to=bob@example.org", Strict).NormalizedUrl);
    }

    [Fact]
    public void DoesNotRepeatAPasswordInTheMessage()
    {
        var verdict = DestinationValidator.Check("https://alice:hunter2@example.com/", Strict);

        Assert.Equal(ErrorCodes.UrlHasCredentials, verdict.ErrorCode);
        Assert.DoesNotContain("hunter2", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com:0/")]
    [InlineData("https://example.com:00000/")]
    [InlineData("https://example.com:65536/")]
    [InlineData("https://example.com:99999999999999999999/")]
    [InlineData("https://example.com:-1/")]
    [InlineData("https://example.com:80a/")]
    [InlineData("https://example.com:８０/")]
    [InlineData("https://example.com:80:90/")]
    [InlineData("https://[2606:4700::1111]:0/")]
    public void RefusesPortsOutsideOneTo65535(string input)
    {
        AssertRefused(ErrorCodes.InvalidPort, input);
    }

    [Theory]
    [InlineData("https:///example.com")]
    [InlineData("https://")]
    [InlineData("https://:443/")]
    [InlineData("https://./")]
    [InlineData("https://example..com/")]
    [InlineData("https://.example.com/")]
    [InlineData("https://example.com../")]
    [InlineData("https://under_score.example.com/")]
    [InlineData("https://-evil.example/")]
    [InlineData("https://evil-.example/")]
    [InlineData("https://exa*mple.com/")]
    [InlineData("https://exa%00mple.com/")]
    [InlineData("https://exa%2fmple.com/")]
    [InlineData("https://exa%ffmple.com/")]
    [InlineData("https://xn--zz.example/")]
    [InlineData("https://good.example\uFF0F.evil.example/")]
    [InlineData("https://good.example\uFF20evil.example/")]
    [InlineData("https://exa\u200Dmple.com/")]
    [InlineData("https://::1/")]
    [InlineData("https://[::1/")]
    [InlineData("https://[::1]x/")]
    [InlineData("https://[fe80::1%25eth0]/")]
    [InlineData("https://[1:2:3:4:5:6:7:8:9]/")]
    [InlineData("https://[::ffff:127.0.0.01]/")]
    [InlineData("https://[example.com]/")]
    public void RefusesHostsThatAreNotValidHostNames(string input)
    {
        AssertRefused(ErrorCodes.InvalidHost, input);
    }

    [Fact]
    public void RefusesHostLabelsLongerThan63Characters()
    {
        AssertRefused(ErrorCodes.InvalidHost, "https://" + new string('a', 64) + ".example/");
        Assert.True(DestinationValidator.Check("https://" + new string('a', 63) + ".example/", Strict).IsAccepted);
    }

    [Fact]
    public void RefusesHostNamesLongerThan253Characters()
    {
        var label = new string('a', 63);
        var tooLong = string.Join('.', label, label, label, label) + ".com";

        AssertRefused(ErrorCodes.InvalidHost, $"https://{tooLong}/");
    }

    [Theory]
    [InlineData("https://1.2.3.4.5/")]
    [InlineData("https://1.2.3.09/")]
    [InlineData("https://256.1.1.1/")]
    [InlineData("https://1.2.3.256/")]
    [InlineData("https://4294967296/")]
    [InlineData("https://0x100000000/")]
    [InlineData("https://evil.0x1/")]
    [InlineData("https://example.123/")]
    [InlineData("https://1..2/")]
    public void RefusesHostsThatEndInANumberButAreNotIpv4Addresses(string input)
    {
        AssertRefused(ErrorCodes.InvalidHost, input);
    }

    [Theory]
    [InlineData("https://intranet/")]
    [InlineData("https://wiki/page")]
    [InlineData("https://com/")]
    public void RefusesSingleLabelHosts(string input)
    {
        AssertRefused(ErrorCodes.InvalidHost, input);
    }

    [Fact]
    public void RefusesLoopbackInDecimalNotation()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://2130706433/");
    }

    [Fact]
    public void RefusesLoopbackInHexNotation()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://0x7f000001/");
        AssertRefused(ErrorCodes.PrivateDestination, "http://0x7f.1/");
        AssertRefused(ErrorCodes.PrivateDestination, "http://0X7F.0X0.0X0.0X1/");
    }

    [Fact]
    public void RefusesLoopbackInOctalNotation()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://0177.0.0.1/");
        AssertRefused(ErrorCodes.PrivateDestination, "http://017700000001/");
    }

    [Fact]
    public void RefusesLoopbackInShorthandNotation()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://127.1/");
        AssertRefused(ErrorCodes.PrivateDestination, "http://127.0.1/");
    }

    [Fact]
    public void RefusesLoopbackWithATrailingDot()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://127.0.0.1./");
    }

    [Fact]
    public void RefusesLoopbackSpelledWithPercentEscapesOrFullwidthDigits()
    {
        AssertRefused(ErrorCodes.PrivateDestination, "http://%31%32%37.0.0.1/");
        AssertRefused(ErrorCodes.PrivateDestination, "http://\uFF11\uFF12\uFF17\u3002\uFF10\u3002\uFF10\u3002\uFF11/");
    }

    [Fact]
    public void NamesTheAddressTheBrowserWouldReachInTheMessage()
    {
        var verdict = DestinationValidator.Check("http://0x7f.1/", Strict);

        Assert.Contains("'127.0.0.1'", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.255.255.254/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://10.255.255.255/")]
    [InlineData("http://172.16.0.1/")]
    [InlineData("http://172.31.255.255/")]
    [InlineData("http://192.168.0.1/")]
    [InlineData("http://169.254.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://100.127.255.255/")]
    [InlineData("http://100.100.100.200/")]
    [InlineData("http://192.0.0.1/")]
    [InlineData("http://192.0.2.1/")]
    [InlineData("http://198.18.0.1/")]
    [InlineData("http://198.51.100.1/")]
    [InlineData("http://203.0.113.1/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://239.255.255.250/")]
    [InlineData("http://240.0.0.1/")]
    [InlineData("http://255.255.255.255/")]
    public void RefusesNonPublicIpv4Ranges(string input)
    {
        AssertRefused(ErrorCodes.PrivateDestination, input);
    }

    [Theory]
    [InlineData("http://[::1]/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[0:0:0:0:0:ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://[::ffff:0:127.0.0.1]/")]
    [InlineData("http://[::127.0.0.1]/")]
    [InlineData("http://[::8.8.8.8]/")]
    [InlineData("http://[64:ff9b::127.0.0.1]/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/")]
    [InlineData("http://[64:ff9b:1::1]/")]
    [InlineData("http://[2002:7f00:1::]/")]
    [InlineData("http://[2002:c0a8:101::1]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://[fc00::1]/")]
    [InlineData("http://[fdff:ffff::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fec0::1]/")]
    [InlineData("http://[ff02::1]/")]
    [InlineData("http://[2001:db8::1]/")]
    [InlineData("http://[2001::1]/")]
    [InlineData("http://[3fff::1]/")]
    [InlineData("http://[100::1]/")]
    [InlineData("http://[4000::1]/")]
    public void RefusesIpv6AddressesThatAreNotPublicOrCarryAPrivateIpv4Address(string input)
    {
        AssertRefused(ErrorCodes.PrivateDestination, input);
    }

    [Theory]
    [InlineData("http://app.localhost/")]
    [InlineData("http://LOCALHOST.localdomain/")]
    [InlineData("http://a.b.localhost./")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://db.internal/")]
    [InlineData("http://printer.local/")]
    [InlineData("http://nas.localdomain/")]
    [InlineData("http://router.home.arpa/")]
    [InlineData("http://fileserver.lan/")]
    [InlineData("http://wiki.corp/")]
    [InlineData("http://app.\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/")]
    public void RefusesNamesThatOnlyResolveInsideANetwork(string input)
    {
        AssertRefused(ErrorCodes.PrivateDestination, input);
    }

    [Fact]
    public void RefusesLocalhostAsPrivateWhenItIsNotAnOwnHost()
    {
        var rules = new DestinationRules(false, ["sho.rt"]);

        Assert.Equal(ErrorCodes.PrivateDestination, DestinationValidator.Check("http://localhost:8080/", rules).ErrorCode);
        Assert.Equal(ErrorCodes.PrivateDestination, DestinationValidator.Check("http://LocalHost./", rules).ErrorCode);
    }

    [Theory]
    [InlineData("http://9.255.255.255/", "http://9.255.255.255/")]
    [InlineData("http://11.0.0.0/", "http://11.0.0.0/")]
    [InlineData("http://100.63.255.255/", "http://100.63.255.255/")]
    [InlineData("http://100.128.0.0/", "http://100.128.0.0/")]
    [InlineData("http://126.255.255.255/", "http://126.255.255.255/")]
    [InlineData("http://128.0.0.0/", "http://128.0.0.0/")]
    [InlineData("http://169.253.255.255/", "http://169.253.255.255/")]
    [InlineData("http://172.15.255.255/", "http://172.15.255.255/")]
    [InlineData("http://172.32.0.0/", "http://172.32.0.0/")]
    [InlineData("http://192.167.255.255/", "http://192.167.255.255/")]
    [InlineData("http://192.169.0.0/", "http://192.169.0.0/")]
    [InlineData("http://223.255.255.255/", "http://223.255.255.255/")]
    [InlineData("http://[2001:4860:4860::8888]/", "http://[2001:4860:4860::8888]/")]
    [InlineData("http://[2002:808:808::1]/", "http://[2002:808:808::1]/")]
    [InlineData("http://[64:ff9b::808:808]/", "http://[64:ff9b::808:808]/")]
    [InlineData("http://local.example.com/", "http://local.example.com/")]
    [InlineData("http://localhost.example.com/", "http://localhost.example.com/")]
    [InlineData("http://internal.example/", "http://internal.example/")]
    public void AcceptsPublicAddressesAndNamesRightNextToPrivateOnes(string input, string expected)
    {
        Assert.Equal(expected, DestinationValidator.Check(input, Strict).NormalizedUrl);
    }

    [Theory]
    [InlineData("https://sho.rt/")]
    [InlineData("https://sho.rt")]
    [InlineData("http://sho.rt/abc1")]
    [InlineData("https://SHO.RT/abc1")]
    [InlineData("https://sho.rt./abc1")]
    [InlineData("https://sho.rt:8443/abc1")]
    [InlineData("https://%73ho.rt/abc1")]
    [InlineData("https://\uFF53\uFF48\uFF4F\u3002\uFF52\uFF54/abc1")]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost:5000/abc1")]
    [InlineData("http://\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/")]
    public void RefusesLinksToTheShortenerItselfInAnySpelling(string input)
    {
        AssertRefused(ErrorCodes.SelfReferencingUrl, input);
    }

    [Fact]
    public void RefusesSelfReferencesEvenWhenPrivateDestinationsAreAllowed()
    {
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("https://SHO.rt./x", Permissive).ErrorCode);
    }

    [Fact]
    public void ComparesOwnHostsWithoutTheirPorts()
    {
        var rules = new DestinationRules(false, ["sho.rt:8443"]);

        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("https://sho.rt/abc1", rules).ErrorCode);
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("http://sho.rt:80/abc1", rules).ErrorCode);
    }

    [Fact]
    public void RecognisesAnOwnIpAddressInEveryNotation()
    {
        var rules = new DestinationRules(true, ["127.0.0.1:5000", "[::1]:5000"]);

        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("http://2130706433:5000/", rules).ErrorCode);
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("http://127.1/", rules).ErrorCode);
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("http://[::ffff:127.0.0.1]/", rules).ErrorCode);
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("http://[0:0:0:0:0:0:0:1]/", rules).ErrorCode);
        Assert.True(DestinationValidator.Check("http://127.0.0.2/", rules).IsAccepted);
    }

    [Fact]
    public void RecognisesAnOwnInternationalisedHostInEitherForm()
    {
        var unicodeRules = new DestinationRules(false, ["BÜCHER.example"]);
        var punycodeRules = new DestinationRules(false, ["xn--bcher-kva.example."]);

        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("https://xn--bcher-kva.example/", unicodeRules).ErrorCode);
        Assert.Equal(ErrorCodes.SelfReferencingUrl, DestinationValidator.Check("https://bücher.example/", punycodeRules).ErrorCode);
    }

    [Fact]
    public void ToleratesOwnHostsThatAreNotValidHostNames()
    {
        // Own hosts partly come from the request's Host header, so they can be anything.
        var rules = new DestinationRules(false, ["", "[", "[]", "a:b:c", "%ff", "exa mple", "bad_host.example", "\uD800"]);

        Assert.Equal("https://example.com/", DestinationValidator.Check("https://example.com/", rules).NormalizedUrl);
    }

    [Fact]
    public void DoesNotTreatOtherHostsUnderTheOwnDomainAsSelfReferences()
    {
        Assert.Equal("https://blog.sho.rt/", DestinationValidator.Check("https://blog.sho.rt/", Strict).NormalizedUrl);
        Assert.Equal("https://sho.rt.example/", DestinationValidator.Check("https://sho.rt.example/", Strict).NormalizedUrl);
    }

    [Theory]
    [InlineData("http://127.1/", "http://127.0.0.1/")]
    [InlineData("http://0x7f000001:8080/x", "http://127.0.0.1:8080/x")]
    [InlineData("http://0177.0.0.1/", "http://127.0.0.1/")]
    [InlineData("http://192.168.1.1/admin", "http://192.168.1.1/admin")]
    [InlineData("http://169.254.169.254/latest/", "http://169.254.169.254/latest/")]
    [InlineData("http://[::1]:3000/", "http://[::1]:3000/")]
    [InlineData("http://[0:0:0:0:0:ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/")]
    [InlineData("http://[FD00:EC2::254]/", "http://[fd00:ec2::254]/")]
    [InlineData("http://localhost:3000/", "http://localhost:3000/")]
    [InlineData("http://LOCALHOST./", "http://localhost/")]
    [InlineData("http://printer.local/", "http://printer.local/")]
    [InlineData("http://intranet/wiki", "http://intranet/wiki")]
    public void AcceptsPrivateDestinationsWhenTheyAreAllowed(string input, string expected)
    {
        var verdict = DestinationValidator.Check(input, Permissive);

        Assert.True(verdict.IsAccepted, verdict.Message);
        Assert.Equal(expected, verdict.NormalizedUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)", ErrorCodes.UnsupportedScheme)]
    [InlineData("http://user:pass@127.0.0.1/", ErrorCodes.UrlHasCredentials)]
    [InlineData("http://1.2.3.4.5/", ErrorCodes.InvalidHost)]
    [InlineData("http://under_score/", ErrorCodes.InvalidHost)]
    [InlineData("http://127.0.0.1:0/", ErrorCodes.InvalidPort)]
    [InlineData("http://127.0.0.1/\r\n", ErrorCodes.SelfReferencingUrl)]
    [InlineData("http://127.0.0.1/a\r\nb", ErrorCodes.InvalidUrl)]
    [InlineData("http://localhost\\@example.com/", ErrorCodes.InvalidUrl)]
    public void StillRefusesUnsafeUrlsWhenPrivateDestinationsAreAllowed(string input, string expectedCode)
    {
        var rules = new DestinationRules(true, ["127.0.0.1"]);

        Assert.Equal(expectedCode, DestinationValidator.Check(input, rules).ErrorCode);
    }

    [Fact]
    public void AcceptsUrlsOfExactly2048Characters()
    {
        var url = "https://example.com/" + new string('a', DestinationValidator.MaxLength - 20);

        Assert.Equal(url, DestinationValidator.Check(url, Strict).NormalizedUrl);
    }

    [Fact]
    public void RefusesUrlsLongerThan2048Characters()
    {
        var url = "https://example.com/" + new string('a', DestinationValidator.MaxLength - 19);

        AssertRefused(ErrorCodes.UrlTooLong, url);
    }

    [Fact]
    public void MeasuresTheLengthAfterTrimming()
    {
        var url = "https://example.com/" + new string('a', DestinationValidator.MaxLength - 20);

        Assert.True(DestinationValidator.Check("   " + url + "\n", Strict).IsAccepted);
    }

    [Fact]
    public void RefusesUrlsThatGrowPastTheLimitWhenPercentEncoded()
    {
        // 20 + 700 characters typed, 20 + 4200 once each é becomes %C3%A9.
        var url = "https://example.com/" + new string('é', 700);

        AssertRefused(ErrorCodes.UrlTooLong, url);
    }

    [Fact]
    public void JudgesLengthBeforeAnythingElse()
    {
        AssertRefused(ErrorCodes.UrlTooLong, "javascript:" + new string('\0', 1_000_000) + "x");
    }

    [Fact]
    public void ReportsAcceptanceAndRefusalThroughTheVerdict()
    {
        var accepted = DestinationVerdict.Accept("https://example.com/");
        var refused = DestinationVerdict.Refuse(ErrorCodes.InvalidUrl, "Nope.");

        Assert.True(accepted.IsAccepted);
        Assert.False(refused.IsAccepted);
        Assert.Equal(ErrorCodes.InvalidUrl, refused.ErrorCode);
        Assert.Null(refused.NormalizedUrl);
    }

    [Theory]
    [MemberData(nameof(HostileCorpus.Urls), MemberType = typeof(HostileCorpus))]
    public void RefusesEveryUrlInTheHostileCorpus(string url, string expectedCode)
    {
        var verdict = DestinationValidator.Check(url, Strict);

        Assert.False(verdict.IsAccepted, $"accepted as {verdict.NormalizedUrl}");
        Assert.Equal(expectedCode, verdict.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Message));
    }

    [Fact]
    public void HostileCorpusIsLargeEnoughToMeanSomething()
    {
        Assert.True(HostileCorpus.Urls.Count >= 45);
        Assert.True(HostileCorpus.Aliases.Count >= 15);
    }

    [Fact]
    public void NormalisesRealWorldUrlsToPrintableAsciiOnly()
    {
        foreach (var url in RealWorldUrls)
        {
            var verdict = DestinationValidator.Check(url, Strict);

            Assert.True(verdict.IsAccepted, $"{url}: {verdict.Message}");
            Assert.All(verdict.NormalizedUrl!, c => Assert.InRange(c, '\x21', '\x7E'));
        }
    }

    [Theory]
    [MemberData(nameof(RealWorld))]
    public void NormalisingAnAlreadyNormalisedUrlChangesNothing(string url)
    {
        var once = DestinationValidator.Check(url, Strict).NormalizedUrl;
        Assert.NotNull(once);

        Assert.Equal(once, DestinationValidator.Check(once, Strict).NormalizedUrl);
    }

    [Theory]
    [MemberData(nameof(RealWorld))]
    public void ProducesUrlsThatSystemUriReadsAsTheSameAbsoluteUrl(string url)
    {
        var normalized = DestinationValidator.Check(url, Strict).NormalizedUrl;

        Assert.True(Uri.TryCreate(normalized, UriKind.Absolute, out var parsed));
        Assert.NotNull(parsed);
        var schemeAndServer = parsed.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        Assert.StartsWith(schemeAndServer + "/", normalized, StringComparison.Ordinal);
    }

    private static void AssertRefused(string expectedCode, string? input)
    {
        var verdict = DestinationValidator.Check(input, Strict);

        Assert.False(verdict.IsAccepted, $"accepted as {verdict.NormalizedUrl}");
        Assert.Equal(expectedCode, verdict.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Message));
    }
}
