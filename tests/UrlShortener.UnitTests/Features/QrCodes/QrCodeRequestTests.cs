using QRCoder;
using UrlShortener.Web.Features.QrCodes;

namespace UrlShortener.UnitTests.Features.QrCodes;

public sealed class QrCodeRequestTests
{
    [Fact]
    public void EveryParameterHasADefault()
    {
        var (request, problem) = QrCodeRequest.Parse(null, null, null, null, null, null);

        Assert.Null(problem);
        Assert.Equal(new QrCodeRequest(QrImageFormat.Png, 300, RgbColor.Black, RgbColor.White, QRCodeGenerator.ECCLevel.M, false), request);
    }

    [Fact]
    public void ReadsEveryParameterCaseInsensitively()
    {
        var (request, problem) = QrCodeRequest.Parse("SVG", "2048", "#1A237E", "fff8e1", "h", "TRUE");

        Assert.Null(problem);
        Assert.Equal(new QrCodeRequest(QrImageFormat.Svg, 2048, new RgbColor(0x1A, 0x23, 0x7E), new RgbColor(0xFF, 0xF8, 0xE1), QRCodeGenerator.ECCLevel.H, true), request);
    }

    [Theory]
    [InlineData("64")]
    [InlineData("2048")]
    public void AcceptsTheSizeBounds(string size)
    {
        var (request, problem) = QrCodeRequest.Parse(null, size, null, null, null, null);

        Assert.Null(problem);
        Assert.Equal(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), request!.Size);
    }

    [Theory]
    [InlineData("gif", null, null, null, null, null, "format")]
    [InlineData("", null, null, null, null, null, "format")]
    [InlineData(null, "63", null, null, null, null, "size")]
    [InlineData(null, "2049", null, null, null, null, "size")]
    [InlineData(null, "0", null, null, null, null, "size")]
    [InlineData(null, "-300", null, null, null, null, "size")]
    [InlineData(null, "+300", null, null, null, null, "size")]
    [InlineData(null, "300px", null, null, null, null, "size")]
    [InlineData(null, "3e2", null, null, null, null, "size")]
    [InlineData(null, "300.0", null, null, null, null, "size")]
    [InlineData(null, "99999999999999999999", null, null, null, null, "size")]
    [InlineData(null, "", null, null, null, null, "size")]
    [InlineData(null, null, "black", null, null, null, "fg")]
    [InlineData(null, null, "", null, null, null, "fg")]
    [InlineData(null, null, null, "#ffff", null, null, "bg")]
    [InlineData(null, null, null, null, "X", null, "ecc")]
    [InlineData(null, null, null, null, "", null, "ecc")]
    [InlineData(null, null, null, null, "MEDIUM", null, "ecc")]
    [InlineData(null, null, null, null, null, "yes", "download")]
    [InlineData(null, null, null, null, null, "", "download")]
    public void RefusesABadParameterNamingIt(string? format, string? size, string? fg, string? bg, string? ecc, string? download, string named)
    {
        var (request, problem) = QrCodeRequest.Parse(format, size, fg, bg, ecc, download);

        Assert.Null(request);
        Assert.Equal(400, problem!.StatusCode);
        Assert.Equal("VALIDATION_FAILED", problem.Code);
        Assert.StartsWith(named + " ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyColourPointsAtTheUnencodedHash()
    {
        var (_, problem) = QrCodeRequest.Parse(null, null, "", null, null, null);

        Assert.Contains("%23", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("777777", "FFFFFF", "4.47:1")]
    [InlineData("FF0000", "FFFFFF", "3.99:1")]
    [InlineData("000000", "222222", "1.31:1")]
    [InlineData("123456", "123456", "1.00:1")]
    public void RefusesColoursBelowFourAndAHalfToOne(string fg, string bg, string shown)
    {
        var (_, problem) = QrCodeRequest.Parse(null, null, fg, bg, null, null);

        Assert.Equal("VALIDATION_FAILED", problem!.Code);
        Assert.Contains("contrast ratio of " + shown, problem.Message, StringComparison.Ordinal);
        Assert.Contains("4.5:1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("767676", "FFFFFF")]
    [InlineData("1A237E", "FFF8E1")]
    [InlineData("000000", "777777")]
    public void AcceptsColoursFromFourAndAHalfToOne(string fg, string bg)
    {
        var (request, problem) = QrCodeRequest.Parse(null, null, fg, bg, null, null);

        Assert.Null(problem);
        Assert.NotNull(request);
    }

    [Theory]
    [InlineData("FFFFFF", "000000")]
    [InlineData("FFF8E1", "1A237E")]
    public void RefusesLightModulesOnADarkBackground(string fg, string bg)
    {
        var (_, problem) = QrCodeRequest.Parse(null, null, fg, bg, null, null);

        Assert.Equal("VALIDATION_FAILED", problem!.Code);
        Assert.Contains("lighter than bg", problem.Message, StringComparison.Ordinal);
    }
}
