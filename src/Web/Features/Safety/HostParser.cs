using System.Globalization;
using System.Text;

namespace UrlShortener.Web.Features.Safety;

internal enum HostKind
{
    Domain,
    IPv4,
    IPv6,
}

/// <summary>A host in the one canonical spelling that is both stored and compared.</summary>
/// <param name="Kind">What the host turned out to be after browser-style parsing.</param>
/// <param name="Name">
/// The ASCII text to put in a URL: a lower-case punycode domain without a trailing dot, a
/// dotted-quad IPv4 address, or a bracketed, compressed IPv6 address.
/// </param>
/// <param name="IPv4">The address when <paramref name="Kind"/> is IPv4.</param>
/// <param name="IPv6">The address when <paramref name="Kind"/> is IPv6.</param>
internal readonly record struct ParsedHost(HostKind Kind, string Name, uint IPv4, UInt128 IPv6)
{
    public bool IsSingleLabel => Kind == HostKind.Domain && !Name.Contains('.', StringComparison.Ordinal);
}

/// <summary>
/// Parses a URL host the way the WHATWG URL standard (and so every browser) does, rather than the
/// way System.Uri does: the address a browser would connect to is the one that has to be judged.
/// </summary>
internal static class HostParser
{
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Parses the host part of an authority (no user-info, no port).</summary>
    public static bool TryParse(string raw, out ParsedHost host, out string error)
    {
        host = default;
        error = string.Empty;

        if (raw.Length == 0)
        {
            error = "The destination has no host name; expected something like https://example.com/page.";
            return false;
        }

        if (raw[0] == '[')
        {
            // WHATWG parses a bracketed host as IPv6 only, without percent-decoding, so a zone
            // id such as %25eth0 is refused, as browsers refuse it.
            if (raw[^1] != ']' || !TryParseIPv6(raw.AsSpan(1, raw.Length - 2), out var v6))
            {
                error = $"The host '{DestinationValidator.Printable(raw)}' is not a valid IPv6 address.";
                return false;
            }

            host = new ParsedHost(HostKind.IPv6, "[" + SerializeIPv6(v6) + "]", 0, v6);
            return true;
        }

        // Browsers percent-decode the host before anything else, so https://%31%32%37.0.0.1/
        // reaches 127.0.0.1 and has to be judged as that.
        var decoded = raw;
        if (raw.Contains('%', StringComparison.Ordinal))
        {
            var unescaped = PercentDecodeUtf8(raw);
            if (unescaped is null)
            {
                error = $"The host '{DestinationValidator.Printable(raw)}' contains a percent-escape that is not valid UTF-8.";
                return false;
            }

            decoded = unescaped;
        }

        if (!TryToAscii(decoded, out var ascii))
        {
            error = $"The host '{DestinationValidator.Printable(decoded)}' is not a valid internationalised domain name.";
            return false;
        }

        // One trailing dot names the same DNS root-anchored host; keeping it would give the
        // same destination a second spelling.
        if (ascii.EndsWith('.'))
        {
            ascii = ascii[..^1];
        }

        if (ascii.Length == 0)
        {
            error = $"The host '{DestinationValidator.Printable(raw)}' has no name, only dots.";
            return false;
        }

        // Browsers treat any host whose last label is a number as IPv4 shorthand (127.1,
        // 0x7f000001, 0177.0.0.1); a host that looks like that but does not parse is refused
        // by browsers, so it is refused here rather than treated as a domain name.
        if (EndsInNumber(ascii))
        {
            if (!TryParseIPv4(ascii, out var v4))
            {
                error = $"The host '{DestinationValidator.Printable(ascii)}' ends in a number, so browsers read it as an IPv4 address, but it is not a valid one.";
                return false;
            }

            host = new ParsedHost(HostKind.IPv4, SerializeIPv4(v4), v4, 0);
            return true;
        }

        if (!IsValidDomain(ascii, out error))
        {
            return false;
        }

        host = new ParsedHost(HostKind.Domain, ascii, 0, 0);
        return true;
    }

    /// <summary>
    /// Reads a configured host name (maybe with a port, maybe a bare IPv6 address) into the same
    /// canonical form that destinations get, so "any spelling" of it can be recognised.
    /// </summary>
    public static string? CanonicalOwnHost(string configured)
    {
        var text = configured.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        string hostText;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            hostText = close < 0 ? text : text[..(close + 1)];
        }
        else
        {
            var firstColon = text.IndexOf(':', StringComparison.Ordinal);
            var lastColon = text.LastIndexOf(':');
            if (firstColon < 0)
            {
                hostText = text;
            }
            else if (firstColon == lastColon)
            {
                hostText = text[..firstColon];
            }
            else
            {
                // Several colons without brackets can only be a bare IPv6 address.
                hostText = "[" + text + "]";
            }
        }

        // A configured name that does not parse still deserves a plain comparison rather than
        // silently matching nothing.
        return TryParse(hostText, out var host, out _)
            ? IdentityKey(host)
            : LowerAscii(hostText.TrimEnd('.'));
    }

    /// <summary>
    /// The key two hosts share when a browser would reach the same place through them; an
    /// IPv4-mapped IPv6 address is the IPv4 address it carries.
    /// </summary>
    public static string IdentityKey(ParsedHost host)
    {
        if (host.Kind == HostKind.IPv6 && (host.IPv6 >> 32) == 0xFFFF)
        {
            return SerializeIPv4((uint)(host.IPv6 & uint.MaxValue));
        }

        return host.Name;
    }

    public static string SerializeIPv4(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    /// <summary>WHATWG IPv6 serialisation: lower-case hex, the first longest zero run compressed.</summary>
    public static string SerializeIPv6(UInt128 address)
    {
        Span<ushort> pieces = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            pieces[i] = (ushort)(address >> (16 * (7 - i)));
        }

        int compressStart = -1, compressLength = 1;
        for (var i = 0; i < 8;)
        {
            if (pieces[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && pieces[i] == 0)
            {
                i++;
            }

            if (i - start > compressLength)
            {
                compressStart = start;
                compressLength = i - start;
            }
        }

        var builder = new StringBuilder(39);
        var ignoreZero = false;
        for (var i = 0; i < 8; i++)
        {
            if (ignoreZero && pieces[i] == 0)
            {
                continue;
            }

            ignoreZero = false;
            if (i == compressStart)
            {
                builder.Append(i == 0 ? "::" : ":");
                ignoreZero = true;
                continue;
            }

            builder.Append(pieces[i].ToString("x", CultureInfo.InvariantCulture));
            if (i != 7)
            {
                builder.Append(':');
            }
        }

        return builder.ToString();
    }

    private static bool TryToAscii(string host, out string ascii)
    {
        var lowered = LowerAscii(host);
        if (IsAscii(lowered) && !HasPunycodeLabel(lowered))
        {
            // Plain ASCII gets the specific label checks below instead of IdnMapping's one
            // generic exception message.
            ascii = lowered;
            return true;
        }

        // UTS #46 non-transitional mapping, as browsers use: fullwidth letters, circled letters
        // and ideographic full stops all fold to ASCII here (ｓｈｏ。ｒｔ is sho.rt), which is why
        // the self-reference and private-name checks run on the result, never on the input.
        // STD3 rules stay off as in browsers; the LDH check afterwards is stricter anyway.
        try
        {
            var mapping = new IdnMapping { AllowUnassigned = false, UseStd3AsciiRules = false };
            ascii = LowerAscii(mapping.GetAscii(lowered));
            return IsAscii(ascii);
        }
        catch (ArgumentException)
        {
            ascii = string.Empty;
            return false;
        }
    }

    private static bool IsValidDomain(string name, out string error)
    {
        error = string.Empty;
        var shown = DestinationValidator.Printable(name);
        if (name.Length > MaxDomainLength)
        {
            error = $"The host name is {name.Length} characters long; DNS allows at most {MaxDomainLength}.";
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0)
            {
                error = $"The host '{shown}' has an empty part (two dots in a row, or a leading dot).";
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                error = $"The host '{shown}' has a part of {label.Length} characters; DNS allows at most {MaxLabelLength} between dots.";
                return false;
            }

            foreach (var c in label)
            {
                if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
                {
                    continue;
                }

                error = c == '_'
                    ? $"The host '{shown}' contains '_', which is not allowed in a host name."
                    : $"The host '{shown}' contains '{DestinationValidator.Printable(c.ToString())}', which is not allowed in a host name; only letters, digits, '-' and '.' are.";
                return false;
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                error = $"The host '{shown}' has a part that starts or ends with '-', which DNS does not allow.";
                return false;
            }
        }

        return true;
    }

    private static bool EndsInNumber(string host)
    {
        var lastDot = host.LastIndexOf('.');
        var last = host.AsSpan(lastDot + 1);
        if (last.Length > 0 && IsAllDigits(last))
        {
            return true;
        }

        return TryParseIPv4Number(last, out _);
    }

    /// <summary>WHATWG IPv4 parser: 1-4 parts, each decimal, 0x hex or 0-prefixed octal.</summary>
    private static bool TryParseIPv4(string host, out uint address)
    {
        address = 0;
        var parts = host.Split('.');
        if (parts.Length > 4)
        {
            return false;
        }

        Span<ulong> numbers = stackalloc ulong[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParseIPv4Number(parts[i], out numbers[i]))
            {
                return false;
            }

            if (i < parts.Length - 1 && numbers[i] > 255)
            {
                return false;
            }
        }

        // The last part fills all the bytes the earlier parts left: 127.1 is 127.0.0.1.
        var last = numbers[^1];
        if (last >= 1UL << (8 * (5 - parts.Length)))
        {
            return false;
        }

        ulong value = last;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            value += numbers[i] << (8 * (3 - i));
        }

        address = (uint)value;
        return true;
    }

    /// <summary>
    /// Parses one IPv4 part. A value too large for an address saturates instead of failing,
    /// because WHATWG still counts it as a number (the host then fails as a bad IPv4 address
    /// rather than passing as a domain name).
    /// </summary>
    private static bool TryParseIPv4Number(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var radix = 10u;
        if (text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            text = text[2..];
        }
        else if (text.Length >= 2 && text[0] == '0')
        {
            radix = 8;
            text = text[1..];
        }

        const ulong Saturated = (ulong)uint.MaxValue + 1;
        foreach (var c in text)
        {
            var digit = HexValue(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            value = value >= Saturated ? Saturated : Math.Min(Saturated, (value * radix) + (uint)digit);
        }

        return true;
    }

    /// <summary>The WHATWG IPv6 parser, including the embedded dotted-quad form.</summary>
    private static bool TryParseIPv6(ReadOnlySpan<char> input, out UInt128 address)
    {
        address = 0;
        Span<ushort> pieces = stackalloc ushort[8];
        pieces.Clear();
        var pieceIndex = 0;
        var compress = -1;
        var pointer = 0;

        static char At(ReadOnlySpan<char> s, int i) => i < s.Length ? s[i] : '\0';

        if (At(input, pointer) == ':')
        {
            if (At(input, pointer + 1) != ':')
            {
                return false;
            }

            pointer += 2;
            pieceIndex++;
            compress = pieceIndex;
        }

        while (pointer < input.Length)
        {
            if (pieceIndex == 8)
            {
                return false;
            }

            if (input[pointer] == ':')
            {
                if (compress != -1)
                {
                    return false;
                }

                pointer++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }

            int value = 0, length = 0;
            while (length < 4 && pointer < input.Length && HexValue(input[pointer]) >= 0)
            {
                value = (value * 16) + HexValue(input[pointer]);
                pointer++;
                length++;
            }

            if (At(input, pointer) == '.')
            {
                if (length == 0)
                {
                    return false;
                }

                pointer -= length;
                if (pieceIndex > 6)
                {
                    return false;
                }

                var numbersSeen = 0;
                while (pointer < input.Length)
                {
                    var ipv4Piece = -1;
                    if (numbersSeen > 0)
                    {
                        if (input[pointer] == '.' && numbersSeen < 4)
                        {
                            pointer++;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    if (!char.IsAsciiDigit(At(input, pointer)))
                    {
                        return false;
                    }

                    while (pointer < input.Length && char.IsAsciiDigit(input[pointer]))
                    {
                        var number = input[pointer] - '0';
                        if (ipv4Piece == -1)
                        {
                            ipv4Piece = number;
                        }
                        else if (ipv4Piece == 0)
                        {
                            return false;
                        }
                        else
                        {
                            ipv4Piece = (ipv4Piece * 10) + number;
                        }

                        if (ipv4Piece > 255)
                        {
                            return false;
                        }

                        pointer++;
                    }

                    pieces[pieceIndex] = (ushort)((pieces[pieceIndex] * 0x100) + ipv4Piece);
                    numbersSeen++;
                    if (numbersSeen is 2 or 4)
                    {
                        pieceIndex++;
                    }
                }

                if (numbersSeen != 4)
                {
                    return false;
                }

                break;
            }

            if (At(input, pointer) == ':')
            {
                pointer++;
                if (pointer >= input.Length)
                {
                    return false;
                }
            }
            else if (pointer < input.Length)
            {
                return false;
            }

            pieces[pieceIndex] = (ushort)value;
            pieceIndex++;
        }

        if (compress != -1)
        {
            var swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0)
            {
                (pieces[pieceIndex], pieces[compress + swaps - 1]) = (pieces[compress + swaps - 1], pieces[pieceIndex]);
                pieceIndex--;
                swaps--;
            }
        }
        else if (pieceIndex != 8)
        {
            return false;
        }

        foreach (var piece in pieces)
        {
            address = (address << 16) | piece;
        }

        return true;
    }

    /// <summary>Decodes %XX escapes as UTF-8; null when the bytes are not valid UTF-8.</summary>
    private static string? PercentDecodeUtf8(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0)
            {
                bytes.Add((byte)((HexValue(text[i + 1]) * 16) + HexValue(text[i + 2])));
                i += 2;
                continue;
            }

            // The caller has already refused lone surrogates, so every scalar encodes.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < written; b++)
            {
                bytes.Add(utf8[b]);
            }

            i += consumed - 1;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAscii(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPunycodeLabel(string lowered) =>
        lowered.StartsWith("xn--", StringComparison.Ordinal) || lowered.Contains(".xn--", StringComparison.Ordinal);

    // Only ASCII letters are lowered by hand: culture-aware lowering would turn 'I' into a
    // dotless i under Turkish rules, and non-ASCII case folding is IdnMapping's job.
    private static string LowerAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
            }
        });
}
