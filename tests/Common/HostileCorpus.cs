using UrlShortener.Shared.Api;

namespace UrlShortener.Tests.Common;

/// <summary>
/// Hostile inputs shared by the unit tests of the validators and the API integration tests, so
/// both layers are held to the same list and the same error codes.
/// </summary>
/// <remarks>
/// The URL codes assume AllowPrivateDestinations=false and own hosts "localhost" and "sho.rt",
/// as configured for the test server. Invisible characters are written as escapes so that a
/// reader can see them. Every entry is hostile at its core, not only at its ends, because the
/// server trims surrounding whitespace before it judges.
/// </remarks>
public static class HostileCorpus
{
    public static TheoryData<string, string> Urls => new()
    {
        // Not a usable absolute URL.
        { "not a url", ErrorCodes.InvalidUrl },
        { "example.com/path", ErrorCodes.InvalidUrl },
        { "example.com:8080/path", ErrorCodes.InvalidUrl },
        { "//evil.example/path", ErrorCodes.InvalidUrl },
        { "https:/evil.example/", ErrorCodes.InvalidUrl },
        { "https:evil.example", ErrorCodes.InvalidUrl },
        { "https://example.com/a\r\nSet-Cookie: session=stolen", ErrorCodes.InvalidUrl },
        { "https://example.com/\nLocation: https://evil.example/", ErrorCodes.InvalidUrl },
        { "https://exa\tmple.com/", ErrorCodes.InvalidUrl },
        { "https://example.com/\0/x", ErrorCodes.InvalidUrl },
        { "https://example.com/a b", ErrorCodes.InvalidUrl },
        { "https://example.com/a\u00A0b", ErrorCodes.InvalidUrl },
        { "https://example.com/invoice\u202Efdp.exe", ErrorCodes.InvalidUrl },
        { "https://evil.example\\@good.example/", ErrorCodes.InvalidUrl },
        { "https:\\\\evil.example/", ErrorCodes.InvalidUrl },
        { "https://good.example\\.evil.example/", ErrorCodes.InvalidUrl },

        // Schemes that run code, read files or leave the web.
        { "javascript:alert(document.cookie)", ErrorCodes.UnsupportedScheme },
        { "JaVaScRiPt:alert(1)", ErrorCodes.UnsupportedScheme },
        { "data:text/html,<script>alert(1)</script>", ErrorCodes.UnsupportedScheme },
        { "vbscript:msgbox(1)", ErrorCodes.UnsupportedScheme },
        { "file:///etc/passwd", ErrorCodes.UnsupportedScheme },
        { "ftp://example.com/file.txt", ErrorCodes.UnsupportedScheme },
        { "blob:https://example.com/3f2c6d2e-0a51-4b2a-9c8e-1d2f3a4b5c6d", ErrorCodes.UnsupportedScheme },
        { "wss://example.com/socket", ErrorCodes.UnsupportedScheme },

        // Too long, before and after percent-encoding.
        { "https://example.com/" + new string('a', 2100), ErrorCodes.UrlTooLong },
        { "https://example.com/" + string.Concat(Enumerable.Repeat("\u00E9", 1000)), ErrorCodes.UrlTooLong },

        // Credentials that disguise the real host.
        { "https://bank.example@evil.example/", ErrorCodes.UrlHasCredentials },
        { "https://user:pass@example.com/", ErrorCodes.UrlHasCredentials },
        { "https://@example.com/", ErrorCodes.UrlHasCredentials },
        { "https://sho.rt@evil.example/", ErrorCodes.UrlHasCredentials },

        // Hosts that are not real host names.
        { "https:///example.com", ErrorCodes.InvalidHost },
        { "https://intranet/", ErrorCodes.InvalidHost },
        { "https://under_score.example.com/", ErrorCodes.InvalidHost },
        { "https://-evil.example/", ErrorCodes.InvalidHost },
        { "https://example..com/", ErrorCodes.InvalidHost },
        { "https://1.2.3.4.5/", ErrorCodes.InvalidHost },
        { "https://1.2.3.09/", ErrorCodes.InvalidHost },
        { "https://evil.0x1/", ErrorCodes.InvalidHost },
        { "https://xn--zz.example/", ErrorCodes.InvalidHost },
        { "https://exa%00mple.com/", ErrorCodes.InvalidHost },
        { "https://good.example\uFF0F.evil.example/", ErrorCodes.InvalidHost },
        { "https://[::1/", ErrorCodes.InvalidHost },
        { "https://[fe80::1%25eth0]/", ErrorCodes.InvalidHost },
        { "https://::1/", ErrorCodes.InvalidHost },
        { "https://" + new string('a', 64) + ".example/", ErrorCodes.InvalidHost },

        // Ports outside 1-65535.
        { "https://example.com:0/", ErrorCodes.InvalidPort },
        { "https://example.com:65536/", ErrorCodes.InvalidPort },
        { "https://example.com:80a/", ErrorCodes.InvalidPort },
        { "https://example.com:-1/", ErrorCodes.InvalidPort },

        // The shortener itself, however it is spelled.
        { "https://sho.rt/abc1", ErrorCodes.SelfReferencingUrl },
        { "HTTPS://SHO.RT./abc1", ErrorCodes.SelfReferencingUrl },
        { "http://sho.rt:8080/abc1", ErrorCodes.SelfReferencingUrl },
        { "https://%73ho.rt/abc1", ErrorCodes.SelfReferencingUrl },
        { "https://\uFF53\uFF48\uFF4F\u3002\uFF52\uFF54/abc1", ErrorCodes.SelfReferencingUrl },
        { "http://localhost:5000/abc1", ErrorCodes.SelfReferencingUrl },

        // Loopback in every notation browsers accept.
        { "http://127.0.0.1/", ErrorCodes.PrivateDestination },
        { "http://127.1/", ErrorCodes.PrivateDestination },
        { "http://2130706433/", ErrorCodes.PrivateDestination },
        { "http://0x7f000001/", ErrorCodes.PrivateDestination },
        { "http://0177.0.0.1/", ErrorCodes.PrivateDestination },
        { "http://0x7f.1/", ErrorCodes.PrivateDestination },
        { "http://127.0.0.1./", ErrorCodes.PrivateDestination },
        { "http://%31%32%37.0.0.1/", ErrorCodes.PrivateDestination },
        { "http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/", ErrorCodes.PrivateDestination },
        { "http://[::1]/", ErrorCodes.PrivateDestination },
        { "http://[::ffff:127.0.0.1]/", ErrorCodes.PrivateDestination },
        { "http://[::ffff:7f00:1]/", ErrorCodes.PrivateDestination },
        { "http://[0:0:0:0:0:ffff:127.0.0.1]/", ErrorCodes.PrivateDestination },
        { "http://[64:ff9b::127.0.0.1]/", ErrorCodes.PrivateDestination },
        { "http://[2002:7f00:1::]/", ErrorCodes.PrivateDestination },
        { "http://app.localhost/", ErrorCodes.PrivateDestination },
        { "http://app.\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/", ErrorCodes.PrivateDestination },

        // Cloud metadata endpoints.
        { "http://169.254.169.254/latest/meta-data/iam/security-credentials/", ErrorCodes.PrivateDestination },
        { "http://2852039166/latest/meta-data/", ErrorCodes.PrivateDestination },
        { "http://[fd00:ec2::254]/latest/meta-data/", ErrorCodes.PrivateDestination },
        { "http://[64:ff9b::a9fe:a9fe]/", ErrorCodes.PrivateDestination },
        { "http://[2002:a9fe:a9fe::]/", ErrorCodes.PrivateDestination },
        { "http://metadata.google.internal/computeMetadata/v1/", ErrorCodes.PrivateDestination },
        { "http://100.100.100.200/latest/meta-data/", ErrorCodes.PrivateDestination },

        // Private, link-local, CGNAT, unspecified, multicast and reserved ranges and names.
        { "http://10.0.0.1/", ErrorCodes.PrivateDestination },
        { "http://172.16.0.1/", ErrorCodes.PrivateDestination },
        { "http://192.168.1.1/admin", ErrorCodes.PrivateDestination },
        { "http://0xc0.0xa8.1.1/", ErrorCodes.PrivateDestination },
        { "http://100.64.0.1/", ErrorCodes.PrivateDestination },
        { "http://0.0.0.0/", ErrorCodes.PrivateDestination },
        { "http://0/", ErrorCodes.PrivateDestination },
        { "http://224.0.0.1/", ErrorCodes.PrivateDestination },
        { "http://255.255.255.255/", ErrorCodes.PrivateDestination },
        { "http://192.0.2.10/", ErrorCodes.PrivateDestination },
        { "http://[::]/", ErrorCodes.PrivateDestination },
        { "http://[fe80::1]/", ErrorCodes.PrivateDestination },
        { "http://[fc00::1]/", ErrorCodes.PrivateDestination },
        { "http://[ff02::1]/", ErrorCodes.PrivateDestination },
        { "http://[2001:db8::1]/", ErrorCodes.PrivateDestination },
        { "http://printer.local/", ErrorCodes.PrivateDestination },
        { "http://nas.localdomain/", ErrorCodes.PrivateDestination },
        { "http://router.home.arpa/", ErrorCodes.PrivateDestination },
        { "http://db.corp.internal/", ErrorCodes.PrivateDestination },
    };

    public static TheoryData<string, string> Aliases => new()
    {
        // Wrong length or edges.
        { "abc", ErrorCodes.InvalidAlias },
        { "abcdefghijklmnopqrstu", ErrorCodes.InvalidAlias },
        { "-abcd", ErrorCodes.InvalidAlias },
        { "abcd-", ErrorCodes.InvalidAlias },

        // Characters outside [a-zA-Z0-9-], including ones that change a path or a header.
        { "ab\r\ncd", ErrorCodes.InvalidAlias },
        { "ab\r\nSet-Cookie:x", ErrorCodes.InvalidAlias },
        { "ab\tcd", ErrorCodes.InvalidAlias },
        { "ab\0cd", ErrorCodes.InvalidAlias },
        { "ab cd", ErrorCodes.InvalidAlias },
        { "ab/cd", ErrorCodes.InvalidAlias },
        { "ab\\cd", ErrorCodes.InvalidAlias },
        { "../admin", ErrorCodes.InvalidAlias },
        { "ab%2Fcd", ErrorCodes.InvalidAlias },
        { "ab%00cd", ErrorCodes.InvalidAlias },
        { "ab.cd", ErrorCodes.InvalidAlias },
        { "ab?x=1", ErrorCodes.InvalidAlias },
        { "abcd#top", ErrorCodes.InvalidAlias },
        { "ab_cd", ErrorCodes.InvalidAlias },
        { "<script>", ErrorCodes.InvalidAlias },

        // Look-alikes: Cyrillic a, fullwidth letters, a zero-width space, an emoji.
        { "\u0430dmin", ErrorCodes.InvalidAlias },
        { "\uFF41\uFF44\uFF4D\uFF49\uFF4E", ErrorCodes.InvalidAlias },
        { "adm\u200Bin", ErrorCodes.InvalidAlias },
        { "ab\U0001F600cd", ErrorCodes.InvalidAlias },

        // Paths the app itself serves, refused by shape.
        { "_framework", ErrorCodes.InvalidAlias },
        { "favicon.ico", ErrorCodes.InvalidAlias },
        { ".well-known", ErrorCodes.InvalidAlias },
        { "robots.txt", ErrorCodes.InvalidAlias },

        // Reserved words, in any case.
        { "admin", ErrorCodes.ReservedAlias },
        { "ADMIN", ErrorCodes.ReservedAlias },
        { "Login", ErrorCodes.ReservedAlias },
        { "logout", ErrorCodes.ReservedAlias },
        { "SignUp", ErrorCodes.ReservedAlias },
        { "account", ErrorCodes.ReservedAlias },
        { "healthz", ErrorCodes.ReservedAlias },
        { "dashboard", ErrorCodes.ReservedAlias },
        { "Metrics", ErrorCodes.ReservedAlias },
        { "OpenAPI", ErrorCodes.ReservedAlias },
        { "swagger", ErrorCodes.ReservedAlias },
        { "static", ErrorCodes.ReservedAlias },
        { "ASSETS", ErrorCodes.ReservedAlias },
    };
}
