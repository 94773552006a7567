using UrlShortener.Shared.ShortCodes;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.UnitTests.Features.Links.Codes;

public sealed class ShortCodeEncoderTests
{
    private const long ShortSpace = 56_800_235_584L;     // 62^6
    private const long LongSpace = 3_521_614_606_208L;   // 62^7
    private const string Secret = "unit-test-secret";

    private readonly ShortCodeEncoder _encoder = new(Secret);

    [Fact]
    public void CapacityIsTheSixAndSevenCharacterSpacesTogether()
    {
        Assert.Equal(ShortSpace + LongSpace, ShortCodeEncoder.Capacity);
        Assert.Equal(3_578_414_841_792L, ShortCodeEncoder.Capacity);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(ShortSpace - 1)]
    public void IdsInTheShortSpaceGiveSixCharacterCodes(long id)
    {
        var code = _encoder.Encode(id);

        Assert.Equal(ShortCodeEncoder.ShortLength, code.Length);
        Assert.True(Base62.IsBase62(code));
    }

    [Theory]
    [InlineData(ShortSpace)]
    [InlineData(ShortSpace + 1)]
    [InlineData(ShortSpace + LongSpace - 1)]
    public void IdsPastTheShortSpaceGiveSevenCharacterCodes(long id)
    {
        var code = _encoder.Encode(id);

        Assert.Equal(ShortCodeEncoder.LongLength, code.Length);
        Assert.True(Base62.IsBase62(code));
    }

    [Theory]
    [InlineData(ShortSpace + LongSpace)]
    [InlineData(ShortSpace + LongSpace + 1)]
    [InlineData(long.MaxValue)]
    public void EncodeThrowsOnceTheCodeSpaceIsExhausted(long id)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _encoder.Encode(id));

        Assert.Equal("short code space exhausted", error.Message);
    }

    [Fact]
    public void NegativeIdsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _encoder.Encode(-1));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(ShortSpace - 1_000_000)]
    public void AMillionConsecutiveIdsGiveAMillionDistinctSixCharacterCodes(long firstId)
    {
        const int Count = 1_000_000;
        var codes = new HashSet<string>(Count, StringComparer.Ordinal);

        for (var id = firstId; id < firstId + Count; id++)
        {
            var code = _encoder.Encode(id);

            Assert.Equal(ShortCodeEncoder.ShortLength, code.Length);
            // Checked against the character classes rather than Base62 itself so the test has its own oracle.
            foreach (var c in code)
            {
                Assert.True(char.IsAsciiLetterOrDigit(c), $"id {id} gave '{code}'");
            }

            codes.Add(code);
        }

        Assert.Equal(Count, codes.Count);
    }

    [Fact]
    public void IdsEitherSideOfTheLengthBoundaryNeverCollide()
    {
        const int Half = 50_000;
        var codes = new HashSet<string>(StringComparer.Ordinal);

        for (var id = ShortSpace - Half; id < ShortSpace + Half; id++)
        {
            var code = _encoder.Encode(id);

            Assert.Equal(id < ShortSpace ? ShortCodeEncoder.ShortLength : ShortCodeEncoder.LongLength, code.Length);
            Assert.True(codes.Add(code), $"id {id} repeated the code '{code}'");
        }
    }

    [Fact]
    public void DecodingACodeGivesBackItsId()
    {
        var random = new Random(2024);
        var ids = new List<long> { 0, 1, 2, ShortSpace - 2, ShortSpace - 1, ShortSpace, ShortSpace + 1, ShortCodeEncoder.Capacity - 1 };
        for (var i = 0; i < 20_000; i++)
        {
            ids.Add(random.NextInt64(ShortSpace));
            ids.Add(random.NextInt64(ShortCodeEncoder.Capacity));
        }

        foreach (var id in ids)
        {
            var code = _encoder.Encode(id);

            Assert.True(_encoder.TryDecode(code, out var decoded), $"'{code}' did not decode");
            Assert.Equal(id, decoded);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc12")]
    [InlineData("abc1234x")]
    [InlineData("abc-12")]
    [InlineData("abc 123")]
    [InlineData("ZZZZZZZZZZZZ")]
    public void DecodingRejectsAnythingButSixOrSevenBase62Characters(string? code)
    {
        Assert.False(_encoder.TryDecode(code, out _));
    }

    [Fact]
    public void EverySixAndSevenCharacterCodeDecodesToAnIdThatEncodesBackToIt()
    {
        // The mapping is onto as well as one-to-one, so any well-formed code names exactly one id.
        foreach (var code in new[] { "000000", "ZZZZZZ", "abcXYZ", "0000000", "ZZZZZZZ", "abcdXYZ" })
        {
            Assert.True(_encoder.TryDecode(code, out var id));
            Assert.InRange(id, 0, ShortCodeEncoder.Capacity - 1);
            Assert.Equal(code, _encoder.Encode(id));
        }
    }

    [Fact]
    public void ConsecutiveIdsGiveUnrelatedCodes()
    {
        Assert.InRange(SpearmanOfIdAgainstCode(0, 1000), -0.1, 0.1);
        Assert.InRange(SpearmanOfIdAgainstCode(ShortSpace - 1000, 1000), -0.1, 0.1);
        Assert.InRange(SpearmanOfIdAgainstCode(ShortSpace, 1000), -0.1, 0.1);
    }

    [Fact]
    public void NeighbouringIdsShareFewCharacterPositions()
    {
        // Independent uniform codes agree at a given position with probability 1/62: about 0.1 of 6.
        Assert.InRange(AverageSharedPositions(0, 1000), 0, 0.5);
        Assert.InRange(AverageSharedPositions(ShortSpace - 1001, 1000), 0, 0.5);
        Assert.InRange(AverageSharedPositions(ShortSpace, 1000), 0, 0.5);
    }

    [Fact]
    public void SameSecretGivesTheSameCodes()
    {
        // Codes already handed out must survive a restart, so a fresh encoder has to agree exactly.
        var again = new ShortCodeEncoder(Secret);

        for (long id = 0; id < 1000; id++)
        {
            Assert.Equal(_encoder.Encode(id), again.Encode(id));
            Assert.Equal(_encoder.Encode(ShortSpace + id), again.Encode(ShortSpace + id));
        }
    }

    [Theory]
    [InlineData(0L, "EHjev0")]
    [InlineData(1L, "BKMM4U")]
    [InlineData(2L, "z0Inno")]
    [InlineData(ShortSpace - 1, "1AHMTe")]
    [InlineData(ShortSpace, "XTnngVx")]
    [InlineData(ShortSpace + LongSpace - 1, "60gYJpc")]
    public void CodesForAKnownSecretNeverChange(long id, string expected)
    {
        // Pinned outputs: any change to the key derivation, round function or alphabet would remap ids
        // whose codes are already issued, so new links could take codes that old links own.
        Assert.Equal(expected, _encoder.Encode(id));
    }

    [Fact]
    public void DifferentSecretGivesDifferentCodes()
    {
        var other = new ShortCodeEncoder(Secret + "!");

        var same = 0;
        for (long id = 0; id < 1000; id++)
        {
            if (_encoder.Encode(id) == other.Encode(id))
            {
                same++;
            }
        }

        Assert.Equal(0, same);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankSecretIsRejected(string secret)
    {
        Assert.Throws<ArgumentException>(() => new ShortCodeEncoder(secret));
    }

    private double SpearmanOfIdAgainstCode(long firstId, int count)
    {
        var codeValues = new long[count];
        for (var i = 0; i < count; i++)
        {
            Assert.True(Base62.TryDecode(_encoder.Encode(firstId + i), out codeValues[i]));
        }

        // Ids are already in rank order, and code values are distinct (the mapping is a bijection),
        // so rho = 1 - 6 * sum(d^2) / (n (n^2 - 1)) with d the gap between an id's rank and its code's rank.
        var order = Enumerable.Range(0, count).OrderBy(i => codeValues[i]).ToArray();
        var codeRank = new int[count];
        for (var rank = 0; rank < count; rank++)
        {
            codeRank[order[rank]] = rank;
        }

        double sumOfSquares = 0;
        for (var i = 0; i < count; i++)
        {
            double d = codeRank[i] - i;
            sumOfSquares += d * d;
        }

        double n = count;
        return 1 - (6 * sumOfSquares / (n * ((n * n) - 1)));
    }

    private double AverageSharedPositions(long firstId, int count)
    {
        var shared = 0;
        var previous = _encoder.Encode(firstId);
        for (var i = 1; i <= count; i++)
        {
            var current = _encoder.Encode(firstId + i);
            for (var position = 0; position < Math.Min(previous.Length, current.Length); position++)
            {
                if (previous[position] == current[position])
                {
                    shared++;
                }
            }

            previous = current;
        }

        return (double)shared / count;
    }
}
