using System.Security.Cryptography;
using System.Text;
using UrlShortener.Shared.ShortCodes;

namespace UrlShortener.Web.Features.Links.Codes;

/// <summary>
/// Turns a link's sequential id into its short code and back. The first 62^6 ids get 6-character codes,
/// the next 62^7 get 7-character codes; within each length the id goes through a keyed permutation, so
/// codes never collide (a bijection per length, and the lengths differ) yet consecutive ids look unrelated.
/// </summary>
/// <remarks>
/// The secret and this algorithm must never change once codes have been issued: a different mapping
/// would hand new ids codes that earlier ids already own. Immutable and thread-safe, so register it as a singleton.
/// </remarks>
public sealed class ShortCodeEncoder
{
    public const int ShortLength = 6, LongLength = 7;

    private const long ShortDomainSize = 56_800_235_584L;     // 62^6
    private const long LongDomainSize = 3_521_614_606_208L;   // 62^7

    private readonly CodePermutation _shortCodes;
    private readonly CodePermutation _longCodes;

    public ShortCodeEncoder(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);

        Span<byte> master = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), master);

        // Separate keys keep the two code lengths independent: knowing how ids map within one length
        // says nothing about the other.
        Span<byte> domainKey = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(master, "short-code/6"u8, domainKey);
        _shortCodes = new CodePermutation(domainKey, ShortDomainSize);
        HMACSHA256.HashData(master, "short-code/7"u8, domainKey);
        _longCodes = new CodePermutation(domainKey, LongDomainSize);
    }

    /// <summary>How many ids can be given a code: 62^6 + 62^7.</summary>
    public static long Capacity => ShortDomainSize + LongDomainSize;

    /// <exception cref="ArgumentOutOfRangeException">The id is negative.</exception>
    /// <exception cref="InvalidOperationException">The id is at or past <see cref="Capacity"/>.</exception>
    public string Encode(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);

        if (id < ShortDomainSize)
        {
            return Base62.Encode(_shortCodes.Permute(id), ShortLength);
        }

        if (id - ShortDomainSize < LongDomainSize)
        {
            return Base62.Encode(_longCodes.Permute(id - ShortDomainSize), LongLength);
        }

        throw new InvalidOperationException("short code space exhausted");
    }

    /// <summary>
    /// Recovers the id a code was generated from. Fails for anything that is not a 6- or 7-character
    /// base62 string; a custom alias of that shape decodes to some id too, so callers must still look the code up.
    /// </summary>
    public bool TryDecode(string? code, out long id)
    {
        id = 0;
        if (code is null || !Base62.TryDecode(code, out var value))
        {
            return false;
        }

        switch (code.Length)
        {
            case ShortLength:
                id = _shortCodes.Invert(value);
                return true;
            case LongLength:
                id = ShortDomainSize + _longCodes.Invert(value);
                return true;
            default:
                return false;
        }
    }
}
