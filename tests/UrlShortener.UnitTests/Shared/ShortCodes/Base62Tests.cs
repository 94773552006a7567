using UrlShortener.Shared.ShortCodes;

namespace UrlShortener.UnitTests.Shared.ShortCodes;

public sealed class Base62Tests
{
    private const long SixDigitSpace = 56_800_235_584L; // 62^6

    [Fact]
    public void AlphabetIsDigitsThenLowerCaseThenUpperCase()
    {
        Assert.Equal("0123456789" + "abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Base62.Alphabet);
        Assert.Equal(62, Base62.Alphabet.Distinct().Count());
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(9L, "9")]
    [InlineData(10L, "a")]
    [InlineData(35L, "z")]
    [InlineData(36L, "A")]
    [InlineData(61L, "Z")]
    [InlineData(62L, "10")]
    [InlineData(3844L, "100")]
    public void EncodingMatchesTheSpecExamples(long value, string expected)
    {
        Assert.Equal(expected, Base62.Encode(value));
        Assert.Equal(expected, Base62.Encode(value, expected.Length));
    }

    [Fact]
    public void LargestSixDigitValueIsAllZs()
    {
        Assert.Equal("ZZZZZZ", Base62.Encode(SixDigitSpace - 1, 6));
        Assert.Equal("100000", Base62.Encode(SixDigitSpace / 62, 6));
    }

    [Theory]
    [InlineData(0L, 6, "000000")]
    [InlineData(61L, 6, "00000Z")]
    [InlineData(62L, 7, "0000010")]
    public void EncodeLeftPadsWithZerosToTheWidth(long value, int width, string expected)
    {
        Assert.Equal(expected, Base62.Encode(value, width));
    }

    [Theory]
    [InlineData(-1L, 6)]
    [InlineData(long.MinValue, 11)]
    [InlineData(62L, 1)]
    [InlineData(3844L, 2)]
    [InlineData(SixDigitSpace, 6)]
    [InlineData(long.MaxValue, 10)]
    [InlineData(0L, 0)]
    [InlineData(0L, -1)]
    public void EncodeRejectsNegativeValuesAndValuesThatDoNotFit(long value, int width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Base62.Encode(value, width));
    }

    [Fact]
    public void LongMaxValueRoundTripsInElevenDigits()
    {
        var text = Base62.Encode(long.MaxValue);

        Assert.Equal(Base62.MaxWidth, text.Length);
        Assert.Equal(text, Base62.Encode(long.MaxValue, Base62.MaxWidth));
        Assert.True(Base62.TryDecode(text, out var value));
        Assert.Equal(long.MaxValue, value);
    }

    [Fact]
    public void DecodingInvertsEncodingAcrossTheRange()
    {
        var random = new Random(62);
        var values = new List<long> { 0, 1, 61, 62, 63, 3843, 3844, SixDigitSpace - 1, SixDigitSpace, long.MaxValue - 1 };
        for (var i = 0; i < 10_000; i++)
        {
            values.Add(random.NextInt64(long.MaxValue));
        }

        foreach (var value in values)
        {
            var text = Base62.Encode(value);
            Assert.True(Base62.TryDecode(text, out var decoded));
            Assert.Equal(value, decoded);
            Assert.True(Base62.IsBase62(text));
        }
    }

    [Theory]
    [InlineData("000010", 62L)]
    [InlineData("0", 0L)]
    [InlineData("ZZZZZZ", SixDigitSpace - 1)]
    public void DecodingAcceptsLeadingZeros(string text, long expected)
    {
        Assert.True(Base62.TryDecode(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("abc-def")]
    [InlineData(" abc")]
    [InlineData("abc!")]
    [InlineData("caf\u00e9")]
    [InlineData("\uff10")] // full-width digit zero: a digit to char.IsDigit, not to us
    public void DecodingRejectsTextOutsideTheAlphabet(string text)
    {
        Assert.False(Base62.TryDecode(text, out _));
        Assert.False(Base62.IsBase62(text));
    }

    [Theory]
    [InlineData("ZZZZZZZZZZZ")]   // 62^11 - 1
    [InlineData("100000000000")]  // 62^11
    [InlineData("0000000000000000000000000000000000000000ZZZZZZZZZZZ")]
    public void DecodingRejectsValuesTooLargeForALong(string text)
    {
        Assert.False(Base62.TryDecode(text, out _));
        Assert.True(Base62.IsBase62(text));
    }

    [Fact]
    public void IsBase62AcceptsTheWholeAlphabet()
    {
        Assert.True(Base62.IsBase62(Base62.Alphabet));
        Assert.True(Base62.IsBase62("aZ09"));
    }
}
