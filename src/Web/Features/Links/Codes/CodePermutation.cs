using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace UrlShortener.Web.Features.Links.Codes;

/// <summary>
/// A keyed bijection on <c>[0, domainSize)</c>, so sequential ids can be turned into codes that look random
/// yet can never collide, with no lookup table and no retry loop against the database.
/// </summary>
/// <remarks>
/// A balanced Feistel network is a permutation whatever its round function, which is what makes the
/// no-collision guarantee unconditional; cycle walking then narrows it from the power-of-four block
/// to exactly the domain. This hides the order of ids from casual enumeration; it is not encryption
/// and the codes are not meant to be unguessable secrets.
/// Instances are immutable after construction and safe to share between threads.
/// </remarks>
public sealed class CodePermutation
{
    public const long MaxDomainSize = 1L << 62;

    // Four rounds already give a pseudo-random permutation in theory; the extra rounds cost a few
    // nanoseconds and make neighbouring inputs diverge fully even with a simple round function.
    private const int Rounds = 10;

    private static readonly byte[] DerivationLabel = Encoding.ASCII.GetBytes("UrlShortener.CodePermutation.v1");

    private readonly ulong[] _roundKeys;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly long _domainSize;

    public CodePermutation(ReadOnlySpan<byte> key, long domainSize)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The permutation key must not be empty.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(domainSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(domainSize, MaxDomainSize);

        _domainSize = domainSize;

        // The block is the smallest 2k bits covering the domain, so cycle walking needs under four
        // steps on average (about 1.25 for the 6- and 7-character code spaces). k is at least 1 so
        // that the halves are never empty.
        var bitsNeeded = domainSize == 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(domainSize - 1));
        _halfBits = Math.Max(1, (bitsNeeded + 1) / 2);
        _halfMask = (1UL << _halfBits) - 1;

        _roundKeys = DeriveRoundKeys(key, domainSize);
    }

    public long DomainSize => _domainSize;

    /// <summary>Maps a value in <c>[0, DomainSize)</c> to its image, also in <c>[0, DomainSize)</c>.</summary>
    public long Permute(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _domainSize);

        // Walking the cycle of the block permutation until it re-enters the domain keeps this a
        // bijection on the domain: every in-domain value has exactly one in-domain successor.
        var x = (ulong)value;
        do
        {
            x = Forward(x);
        }
        while (x >= (ulong)_domainSize);

        return (long)x;
    }

    /// <summary>The inverse of <see cref="Permute"/>: <c>Invert(Permute(v)) == v</c>.</summary>
    public long Invert(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _domainSize);

        var x = (ulong)value;
        do
        {
            x = Backward(x);
        }
        while (x >= (ulong)_domainSize);

        return (long)x;
    }

    private ulong Forward(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        foreach (var roundKey in _roundKeys)
        {
            (left, right) = (right, left ^ Round(right, roundKey));
        }

        return (left << _halfBits) | right;
    }

    private ulong Backward(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        for (var i = _roundKeys.Length - 1; i >= 0; i--)
        {
            (left, right) = (right ^ Round(left, _roundKeys[i]), left);
        }

        return (left << _halfBits) | right;
    }

    // SplitMix64's finaliser: every input bit reaches every output bit, so the low k bits kept here
    // depend on all of the half and all of the round key.
    private ulong Round(ulong half, ulong roundKey)
    {
        var z = half ^ roundKey;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return z & _halfMask;
    }

    private static ulong[] DeriveRoundKeys(ReadOnlySpan<byte> key, long domainSize)
    {
        // The domain size is part of the message so one key used for two domain sizes still gives
        // unrelated permutations.
        Span<byte> message = stackalloc byte[DerivationLabel.Length + sizeof(long) + sizeof(int)];
        DerivationLabel.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message[DerivationLabel.Length..], domainSize);
        var roundIndex = message[(DerivationLabel.Length + sizeof(long))..];

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var roundKeys = new ulong[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(roundIndex, i);
            HMACSHA256.HashData(key, message, mac);
            roundKeys[i] = BinaryPrimitives.ReadUInt64LittleEndian(mac);
        }

        return roundKeys;
    }
}
