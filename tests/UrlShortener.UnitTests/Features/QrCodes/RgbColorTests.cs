using UrlShortener.Web.Features.QrCodes;

namespace UrlShortener.UnitTests.Features.QrCodes;

public sealed class RgbColorTests
{
    [Theory]
    [InlineData("000000", 0, 0, 0)]
    [InlineData("#FFFFFF", 255, 255, 255)]
    [InlineData("1a237e", 0x1A, 0x23, 0x7E)]
    [InlineData("#c0FfEe", 0xC0, 0xFF, 0xEE)]
    public void ParsesSixHexDigitsWithOrWithoutAHash(string text, int r, int g, int b)
    {
        Assert.True(RgbColor.TryParse(text, out var color));
        Assert.Equal(new RgbColor((byte)r, (byte)g, (byte)b), color);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("fff")]
    [InlineData("#fff")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("##123456")]
    [InlineData("GGGGGG")]
    [InlineData(" 123456")]
    [InlineData("123456 ")]
    [InlineData("+12345")]
    [InlineData("0x1234")]
    [InlineData("12 456")]
    [InlineData("ＦＦＦＦＦＦ")]
    [InlineData("red")]
    public void RefusesAnythingElse(string? text)
    {
        Assert.False(RgbColor.TryParse(text, out _));
    }

    [Fact]
    public void HexIsOneUpperCaseSpellingPerColour()
    {
        Assert.True(RgbColor.TryParse("c0ffee", out var lower));
        Assert.True(RgbColor.TryParse("#C0FFEE", out var upper));

        Assert.Equal("#C0FFEE", lower.Hex);
        Assert.Equal(lower.Hex, upper.Hex);
    }

    [Fact]
    public void LuminanceRunsFromZeroForBlackToOneForWhite()
    {
        Assert.Equal(0, RgbColor.Black.RelativeLuminance, precision: 10);
        Assert.Equal(1, RgbColor.White.RelativeLuminance, precision: 10);
        // Green weighs most and blue least in what the eye sees as light.
        Assert.True(new RgbColor(0, 255, 0).RelativeLuminance > new RgbColor(255, 0, 0).RelativeLuminance);
        Assert.True(new RgbColor(255, 0, 0).RelativeLuminance > new RgbColor(0, 0, 255).RelativeLuminance);
    }

    [Theory]
    // Worked out independently from the WCAG 2 formula; #767676 is the well-known lightest grey that passes AA on white.
    [InlineData("000000", "FFFFFF", 21.0)]
    [InlineData("FFFFFF", "000000", 21.0)]
    [InlineData("777777", "777777", 1.0)]
    [InlineData("777777", "FFFFFF", 4.48)]
    [InlineData("767676", "FFFFFF", 4.54)]
    [InlineData("0000FF", "FFFFFF", 8.59)]
    [InlineData("FF0000", "FFFFFF", 4.00)]
    [InlineData("1A237E", "FFF8E1", 12.47)]
    public void ContrastRatioMatchesWcag(string a, string b, double expected)
    {
        Assert.True(RgbColor.TryParse(a, out var first));
        Assert.True(RgbColor.TryParse(b, out var second));

        Assert.Equal(expected, Math.Round(RgbColor.ContrastRatio(first, second), 2));
    }
}
