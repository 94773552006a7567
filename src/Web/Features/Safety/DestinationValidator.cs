using System.Buffers;
using System.Globalization;
using System.Text;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.Safety;

/// <summary>
/// Decides whether a destination URL may be shortened and, if so, the one ASCII spelling of it
/// that is stored and sent in the Location header.
/// </summary>
/// <remarks>
/// Pure logic without DNS: the point is to refuse what is visibly unsafe, judged the way a
/// browser would read the URL, not the way System.Uri reads it. System.Uri is not used for
/// parsing because it disagrees with browsers in ways that matter here (it keeps 1.2.3.4.5 as
/// a domain name, rejects percent-escaped hosts that browsers accept, unescapes %41 and %7E,
/// and resolves dot segments), so the URL is split and rebuilt here under exact control.
/// </remarks>
public static class DestinationValidator
{
    public const int MaxLength = 2048;

    private const string Example = "https://example.com/page";

    private static readonly SearchValues<char> HexDigitChars = SearchValues.Create("0123456789abcdefABCDEF");

    public static DestinationVerdict Check(string? input, DestinationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);

        if (string.IsNullOrWhiteSpace(input))
        {
            return DestinationVerdict.Refuse(ErrorCodes.InvalidUrl, $"Enter the destination URL, e.g. {Example}.");
        }

        // Copy-paste often brings a stray space or newline at either end; inside the URL the
        // same characters are refused, since they are how header and log injection starts.
        var url = input.Trim();
        if (url.Length > MaxLength)
        {
            return DestinationVerdict.Refuse(
                ErrorCodes.UrlTooLong,
                $"The destination is {url.Length} characters long; the limit is {MaxLength}.");
        }

        var forbidden = FindForbiddenCharacter(url);
        if (forbidden >= 0)
        {
            return DestinationVerdict.Refuse(ErrorCodes.InvalidUrl, DescribeForbiddenCharacter(url, forbidden));
        }

        var backslash = url.IndexOf('\\', StringComparison.Ordinal);
        if (backslash >= 0)
        {
            return DestinationVerdict.Refuse(
                ErrorCodes.InvalidUrl,
                $"The destination contains a backslash at position {backslash + 1}. Browsers read '\\' as '/', which can change the host; use '/' or encode it as %5C.");
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsSchemeSyntax(url.AsSpan(0, colon)) || url.AsSpan(0, colon).Contains('.'))
        {
            // "example.com/page" and "example.com:8080/page" both land here: a dot cannot be
            // part of any scheme worth naming, so it is a missing scheme, not a wrong one.
            var suggestion = char.IsAsciiLetterOrDigit(url[0]) && url.Length <= 200
                ? $" Did you mean 'https://{Printable(url, 200)}'?"
                : string.Empty;
            return DestinationVerdict.Refuse(
                ErrorCodes.InvalidUrl,
                $"The destination must be a full URL starting with http:// or https://, e.g. {Example}.{suggestion}");
        }

        var scheme = url.AsSpan(0, colon) switch
        {
            var s when s.Equals("http", StringComparison.OrdinalIgnoreCase) => "http",
            var s when s.Equals("https", StringComparison.OrdinalIgnoreCase) => "https",
            _ => null,
        };
        if (scheme is null)
        {
            return DestinationVerdict.Refuse(
                ErrorCodes.UnsupportedScheme,
                $"The destination must be an http or https URL; got '{Printable(url[..(colon + 1)])}'.");
        }

        // Browsers also accept "https:example.com" and "https:/example.com" and guess a host;
        // requiring the two slashes leaves no room to disagree about where the host starts.
        if (!url.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal))
        {
            return DestinationVerdict.Refuse(
                ErrorCodes.InvalidUrl,
                $"The destination must start with '{scheme}://' followed by the host name, e.g. {Example}.");
        }

        var authorityStart = colon + 3;
        var authorityEnd = url.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
        authorityEnd = authorityEnd < 0 ? url.Length : authorityStart + authorityEnd;
        var authority = url[authorityStart..authorityEnd];

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            // The credentials themselves are never repeated back: they may be a real password.
            return DestinationVerdict.Refuse(
                ErrorCodes.UrlHasCredentials,
                "The destination has a user name or password before the host (the part ending in '@'). "
                + "Remove it: in https://bank.example@evil.example/ the real host is evil.example, so such links are refused.");
        }

        if (!TrySplitHostAndPort(authority, out var hostText, out var portText, out var splitError))
        {
            return DestinationVerdict.Refuse(ErrorCodes.InvalidHost, splitError);
        }

        if (!HostParser.TryParse(hostText, out var host, out var hostError))
        {
            return DestinationVerdict.Refuse(ErrorCodes.InvalidHost, hostError);
        }

        int? port = null;
        if (!string.IsNullOrEmpty(portText))
        {
            if (!TryParsePort(portText, out var parsedPort))
            {
                return DestinationVerdict.Refuse(
                    ErrorCodes.InvalidPort,
                    $"The port '{Printable(portText)}' is not valid; use a number from 1 to 65535, or leave it out.");
            }

            port = parsedPort;
        }

        // Checked before the private-address rules so that the answer is the same whether or
        // not private destinations are allowed: a link to the shortener itself always loops.
        var identity = HostParser.IdentityKey(host);
        foreach (var ownHost in rules.OwnHosts)
        {
            if (HostParser.CanonicalOwnHost(ownHost) == identity)
            {
                return DestinationVerdict.Refuse(
                    ErrorCodes.SelfReferencingUrl,
                    $"The destination points back at this link shortener ('{host.Name}'); link to the final page instead.");
            }
        }

        if (!rules.AllowPrivateDestinations)
        {
            var category = HostClassifier.Classify(host);
            if (category != HostCategory.Public)
            {
                // Name the IPv4 address an IPv6 form carries, or "[2002:7f00:1::]" would be
                // called a loopback address with nothing to show why.
                var carried = host.Kind == HostKind.IPv6 && HostClassifier.EmbeddedIPv4(host.IPv6) is { } embedded
                    ? $" (it carries the IPv4 address {HostParser.SerializeIPv4(embedded)})"
                    : string.Empty;
                return DestinationVerdict.Refuse(
                    ErrorCodes.PrivateDestination,
                    $"The destination host '{host.Name}'{carried} is {HostClassifier.Describe(category)}; links must point at a public internet address.");
            }

            if (host.IsSingleLabel)
            {
                return DestinationVerdict.Refuse(
                    ErrorCodes.InvalidHost,
                    $"The host '{host.Name}' is a single name without a domain; use the full name, e.g. {host.Name}.example.com.");
            }
        }

        var normalized = new StringBuilder(url.Length + 16)
            .Append(scheme)
            .Append("://")
            .Append(host.Name);
        if (port is { } explicitPort && explicitPort != DefaultPort(scheme))
        {
            normalized.Append(':').Append(explicitPort.ToString(CultureInfo.InvariantCulture));
        }

        AppendEncodedRest(normalized, url.AsSpan(authorityEnd));

        if (normalized.Length > MaxLength)
        {
            return DestinationVerdict.Refuse(
                ErrorCodes.UrlTooLong,
                $"Once its non-ASCII characters are percent-encoded the destination is {normalized.Length} characters long; the limit is {MaxLength}.");
        }

        return DestinationVerdict.Accept(normalized.ToString());
    }

    /// <summary>
    /// Makes text safe to quote in a message: invisible and control characters become \uXXXX,
    /// so a message can never carry a line break or a direction override into a log or a page.
    /// </summary>
    internal static string Printable(string value, int maxLength = 80)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        for (var i = 0; i < value.Length; i++)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append("...");
                break;
            }

            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (IsInvisible(c) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        c != ' ' && (char.IsControl(c) || char.IsWhiteSpace(c) || IsBidiControl(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    // Trojan-source style direction overrides make a URL display differently from what it is.
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Index of the first control, whitespace, direction-override or broken UTF-16 character.</summary>
    private static int FindForbiddenCharacter(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsWhiteSpace(c) || IsBidiControl(c) || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static string DescribeForbiddenCharacter(string url, int index)
    {
        var c = url[index];
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var position = index + 1;
        return c switch
        {
            ' ' => $"The destination contains a space at position {position}; encode it as %20 or remove it.",
            _ when char.IsSurrogate(c) => $"The destination contains a broken character (a lone UTF-16 surrogate U+{code}) at position {position}; remove it.",
            _ when char.IsControl(c) => $"The destination contains the control character U+{code} at position {position}; remove it.",
            _ when IsBidiControl(c) => $"The destination contains the invisible text-direction character U+{code} at position {position}; remove it.",
            _ => $"The destination contains the whitespace character U+{code} at position {position}; remove it or percent-encode it.",
        };
    }

    private static bool IsSchemeSyntax(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySplitHostAndPort(string authority, out string host, out string? port, out string error)
    {
        host = authority;
        port = null;
        error = string.Empty;

        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"The IPv6 address in '{Printable(authority)}' is missing its closing ']'.";
                return false;
            }

            host = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            if (after.Length == 0)
            {
                return true;
            }

            if (after[0] != ':')
            {
                error = $"Unexpected text after the IPv6 address in '{Printable(authority)}'; only ':port' may follow ']'.";
                return false;
            }

            port = after[1..];
            return true;
        }

        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // "fe80::1" without brackets is a mistake in the host; "example.com:80:90" is one in
        // the port, which the port check then reports as such.
        var looksLikeBareIPv6 = authority.IndexOf(':', colon + 1) >= 0
            && !authority.AsSpan(0, colon).ContainsAnyExcept(HexDigitChars);
        if (looksLikeBareIPv6)
        {
            error = $"The host '{Printable(authority)}' is not valid; an IPv6 address must be written in square brackets, e.g. https://[2606:4700::1111]/.";
            return false;
        }

        host = authority[..colon];
        port = authority[(colon + 1)..];
        return true;
    }

    private static bool TryParsePort(string text, out int port)
    {
        port = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        // Leading zeros are allowed by browsers (":0080" is 80); the length check keeps the
        // arithmetic far from overflow.
        var digits = text.TrimStart('0');
        if (digits.Length is 0 or > 5)
        {
            return false;
        }

        port = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return port <= 65535;
    }

    private static int DefaultPort(string scheme) => scheme == "https" ? 443 : 80;

    /// <summary>
    /// Appends path, query and fragment as ASCII: non-ASCII as UTF-8 %XX, existing valid
    /// escapes untouched (so nothing is double-encoded), a stray '%' as %25, and the ASCII
    /// characters RFC 3986 never allows unescaped encoded so the result is a valid URI.
    /// </summary>
    private static void AppendEncodedRest(StringBuilder builder, ReadOnlySpan<char> rest)
    {
        // Browsers give http(s) URLs a path of "/" when none is written.
        if (rest.IsEmpty || rest[0] != '/')
        {
            builder.Append('/');
        }

        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '%')
            {
                if (i + 2 < rest.Length && char.IsAsciiHexDigit(rest[i + 1]) && char.IsAsciiHexDigit(rest[i + 2]))
                {
                    builder.Append(rest.Slice(i, 3));
                    i += 2;
                }
                else
                {
                    builder.Append("%25");
                }

                continue;
            }

            if (char.IsAscii(c))
            {
                if (c is '"' or '<' or '>' or '`' or '{' or '}' or '|' or '^')
                {
                    AppendEscaped(builder, (byte)c);
                }
                else
                {
                    builder.Append(c);
                }

                continue;
            }

            // Lone surrogates were refused earlier, so every non-ASCII char starts a whole scalar.
            Rune.DecodeFromUtf16(rest[i..], out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                AppendEscaped(builder, b);
            }

            i += consumed - 1;
        }
    }

    private static void AppendEscaped(StringBuilder builder, byte value)
    {
        const string HexDigits = "0123456789ABCDEF";
        builder.Append('%').Append(HexDigits[value >> 4]).Append(HexDigits[value & 0xF]);
    }
}
