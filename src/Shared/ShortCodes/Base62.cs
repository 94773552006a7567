using System.Buffers;

namespace UrlShortener.Shared.ShortCodes;

/// <summary>
/// Base62 with the spec's alphabet: digits, then lower case, then upper case, so <c>61</c> is <c>"Z"</c>
/// and <c>62</c> is <c>"10"</c>. Lives in Shared so the browser can check a code's shape without a round trip.
/// </summary>
public static class Base62
{
    public const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>62^10 is the largest power of 62 that fits in a long, so any long needs at most 11 digits.</summary>
    public const int MaxWidth = 11;

    private const int Radix = 62;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    // Powers[w] is the first value that needs more than w digits; widths of MaxWidth and above hold every long.
    private static readonly long[] Powers = CreatePowers();

    /// <summary>Encodes <paramref name="value"/> in as few digits as it needs (at least one).</summary>
    public static string Encode(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);

        var width = 1;
        while (width < MaxWidth && value >= Powers[width])
        {
            width++;
        }

        return Encode(value, width);
    }

    /// <summary>Encodes <paramref name="value"/> left-padded with <c>'0'</c> to exactly <paramref name="width"/> characters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, the width is not positive, or the value needs more digits than the width.</exception>
    public static string Encode(long value, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (width < MaxWidth && value >= Powers[width])
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Does not fit in {width} base62 digits.");
        }

        return string.Create(width, value, static (chars, remaining) =>
        {
            // Filling from the right leaves the padding zeros in place with no second pass.
            for (var i = chars.Length - 1; i >= 0; i--)
            {
                (remaining, var digit) = Math.DivRem(remaining, Radix);
                chars[i] = Alphabet[(int)digit];
            }
        });
    }

    /// <summary>
    /// Parses base62 text, leading zeros allowed. Fails on empty text, any character outside the alphabet,
    /// or a value larger than <see cref="long.MaxValue"/>, so untrusted input can be passed straight in.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        long result = 0;
        foreach (var c in text)
        {
            var digit = DigitOf(c);
            if (digit < 0 || result > (long.MaxValue - digit) / Radix)
            {
                return false;
            }

            result = (result * Radix) + digit;
        }

        value = result;
        return true;
    }

    /// <summary>True when the text is non-empty and every character is in <see cref="Alphabet"/>.</summary>
    public static bool IsBase62(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(AlphabetValues);

    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 36,
        _ => -1,
    };

    private static long[] CreatePowers()
    {
        var powers = new long[MaxWidth];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * Radix;
        }

        return powers;
    }
}
