using System.Security.Cryptography;
using System.Text;
using QRCoder;

namespace UrlShortener.Web.Features.QrCodes;

/// <summary>Draws a QR code with QRCoder's own PNG and SVG writers (no System.Drawing), always with its quiet zone.</summary>
public static class QrCodeRenderer
{
    // In every ETag: a QRCoder upgrade or a change to how we draw may change the bytes, so it must change the tag.
    private static readonly string DrawingVersion = $"1/{typeof(QRCodeGenerator).Assembly.GetName().Version}";

    public static byte[] Render(string text, QrCodeRequest request)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, request.Ecc);
        if (request.Format == QrImageFormat.Svg)
        {
            // Width and height in pixels over a viewBox in modules: exact at the size asked for, sharp at any other.
            var svg = new SvgQRCode(data).GetGraphic(
                new System.Drawing.Size(request.Size, request.Size), request.Foreground.Hex, request.Background.Hex,
                drawQuietZones: true, SvgQRCode.SizingMode.WidthHeightAttribute);
            return Encoding.UTF8.GetBytes(svg);
        }

        // Whole pixels per module keep every module edge sharp, so the image is the multiple of the module count
        // nearest to the size asked for: within half a module's pixels of it, and never below one pixel per module.
        var modules = data.ModuleMatrix.Count;
        var pixelsPerModule = Math.Max(1, (request.Size + (modules / 2)) / modules);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, Rgb(request.Foreground), Rgb(request.Background), drawQuietZones: true);
    }

    /// <summary>A strong validator: the same text and options always give the same bytes, so they give the same tag.</summary>
    public static string ETagFor(string text, QrCodeRequest request)
    {
        var key = string.Join('\n', DrawingVersion, text, request.Format.Name, request.Size, request.Foreground.Hex, request.Background.Hex, request.Ecc);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    private static byte[] Rgb(RgbColor color) => [color.R, color.G, color.B];
}
