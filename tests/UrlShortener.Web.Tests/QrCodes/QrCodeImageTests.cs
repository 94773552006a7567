using System.Globalization;
using System.Net;
using QRCoder;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.QrCodes;

/// <summary>What <c>GET /api/v1/urls/{short_code}/qr</c> draws: read back and scanned, it is the short URL, as asked for.</summary>
public sealed class QrCodeImageTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private ShortenerApp App => fixture.App;

    private HttpClient Client { get; } = fixture.App.CreateApiClient();

    [Fact]
    public async Task APngIsTheDefaultAndScansAsTheShortUrl()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/default" });
        var shortUrl = $"{ShortenerApp.BaseUrl}/{code}";

        var response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var png = QrImages.ReadPng(await QrApi.BytesAsync(response));
        var expected = QrImages.Expected(shortUrl, QRCodeGenerator.ECCLevel.M);
        var modules = expected.GetLength(0);
        // The whole number of pixels per module that comes nearest to the default 300.
        var side = (int)Math.Round(300.0 / modules) * modules;
        Assert.Equal((side, side), (png.Width, png.Height));
        Assert.Equal([(0, 0, 0), (255, 255, 255)], png.Palette);
        Assert.Equal(expected, QrImages.Modules(png, modules));
        var scan = QrImages.Scan(png);
        Assert.Equal(shortUrl, scan.Text);
        Assert.Equal("M", QrImages.EccOf(scan));
    }

    [Fact]
    public async Task AnSvgHasTheAskedSizeOverAViewBoxOfModulesAndScansAsTheShortUrl()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/svg" });
        var shortUrl = $"{ShortenerApp.BaseUrl}/{code}";

        var response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr?format=svg&size=512");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = QrImages.ReadSvg(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var expected = QrImages.Expected(shortUrl, QRCodeGenerator.ECCLevel.M);
        Assert.Equal(("512", "512"), (svg.Width, svg.Height));
        Assert.Equal(expected.GetLength(0), svg.Modules);
        Assert.Equal(expected, svg.Dark);
        Assert.Equal(("#000000", "#FFFFFF"), (svg.Foreground, svg.Background));
        Assert.Equal(shortUrl, QrImages.Scan(svg).Text);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(2048)]
    public async Task APngIsAsNearTheAskedSizeAsWholePixelsPerModuleAllow(int size)
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/size" });
        var modules = QrImages.Expected($"{ShortenerApp.BaseUrl}/{code}", QRCodeGenerator.ECCLevel.M).GetLength(0);

        var response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr?size={size}");

        var png = QrImages.ReadPng(await QrApi.BytesAsync(response));
        Assert.Equal(png.Width, png.Height);
        Assert.InRange(png.Width, size - (modules / 2), size + (modules / 2));
        Assert.Equal(0, png.Width % modules);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", QrImages.Scan(png).Text);
    }

    [Theory]
    [InlineData("L", "png")]
    [InlineData("m", "png")]
    [InlineData("Q", "svg")]
    [InlineData("h", "svg")]
    public async Task TheErrorCorrectionLevelIsTheOneAskedFor(string ecc, string format)
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/ecc" });

        var response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr?ecc={ecc}&format={format}");

        var scan = format == "png"
            ? QrImages.Scan(QrImages.ReadPng(await QrApi.BytesAsync(response)))
            : QrImages.Scan(QrImages.ReadSvg(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", scan.Text);
        Assert.Equal(ecc.ToUpperInvariant(), QrImages.EccOf(scan));
    }

    [Fact]
    public async Task ColoursAreDrawnAsAskedWithOrWithoutAnEncodedHash()
    {
        var code = await Client.CreateLinkAsync(new { long_url = "https://example.com/qr/colours" });

        var png = QrImages.ReadPng(await QrApi.BytesAsync(await Client.GetQrAsync($"/api/v1/urls/{code}/qr?fg=1a237e&bg=%23FFF8E1")));
        var svg = QrImages.ReadSvg(await (await Client.GetQrAsync($"/api/v1/urls/{code}/qr?format=svg&fg=%231A237E&bg=fff8e1"))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal([(0x1A, 0x23, 0x7E), (0xFF, 0xF8, 0xE1)], png.Palette);
        Assert.Equal(("#1A237E", "#FFF8E1"), (svg.Foreground, svg.Background));
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", QrImages.Scan(png).Text);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", QrImages.Scan(svg).Text);
    }

    [Fact]
    public async Task AnExpiredLinkStillHasItsCode()
    {
        var code = await Client.CreateLinkAsync(new
        {
            long_url = "https://example.com/qr/flash-sale",
            expires_at = App.Time.GetUtcNow().AddHours(1).ToString("O", CultureInfo.InvariantCulture),
        });

        App.Time.Advance(TimeSpan.FromHours(2));
        HttpResponseMessage response;
        try
        {
            response = await Client.GetQrAsync($"/api/v1/urls/{code}/qr");
        }
        finally
        {
            // The app (and its clock) is shared by the class: put time back for the other tests.
            App.Time.Advance(TimeSpan.FromHours(-2));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{ShortenerApp.BaseUrl}/{code}", QrImages.Scan(QrImages.ReadPng(await QrApi.BytesAsync(response))).Text);
    }
}
