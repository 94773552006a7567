using System.Globalization;
using QRCoder;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.QrCodes;

/// <summary>The validated query string of the QR endpoint. Every parameter is optional; a bad one is a 400 that names it.</summary>
public sealed record QrCodeRequest(
    QrImageFormat Format, int Size, RgbColor Foreground, RgbColor Background, QRCodeGenerator.ECCLevel Ecc, bool Download)
{
    public const int DefaultSize = 300;

    // 64 px still gives a short URL's code (29-37 modules with its quiet zone) two pixels per module, the least a
    // camera reads reliably off a screen; 2048 px is poster size and caps the work of a request at a few milliseconds.
    public const int MinSize = 64;
    public const int MaxSize = 2048;

    // WCAG's AA threshold for text. Scanners binarise the image around a threshold, and a smaller luminance gap than
    // this loses modules to glare, print and camera noise; 4.5:1 still admits most brand colours on white.
    public const double MinContrast = 4.5;

    public static (QrCodeRequest? Request, ApiProblem? Problem) Parse(
        string? format, string? size, string? fg, string? bg, string? ecc, string? download)
    {
        var imageFormat = format is null ? QrImageFormat.Png : QrImageFormat.Find(format);
        if (imageFormat is null)
        {
            return Invalid("format must be png or svg.");
        }

        var pixels = DefaultSize;
        if (size is not null
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pixels) || pixels is < MinSize or > MaxSize))
        {
            return Invalid($"size must be a whole number of pixels from {MinSize} to {MaxSize}.");
        }

        if (ParseColor(fg, RgbColor.Black) is not { } foreground)
        {
            return Invalid(ColorMessage("fg", fg));
        }

        if (ParseColor(bg, RgbColor.White) is not { } background)
        {
            return Invalid(ColorMessage("bg", bg));
        }

        var contrast = RgbColor.ContrastRatio(foreground, background);
        if (contrast < MinContrast)
        {
            // Rounded down, as WebAIM's checker shows it, so that a refused pair never reads as "4.50:1".
            var shown = Math.Floor(contrast * 100) / 100;
            return Invalid($"fg {foreground.Hex} on bg {background.Hex} has a contrast ratio of {shown.ToString("0.00", CultureInfo.InvariantCulture)}:1; "
                + $"a QR code needs at least {MinContrast.ToString(CultureInfo.InvariantCulture)}:1 to scan reliably.");
        }

        // ISO/IEC 18004 allows reflectance reversal, but many scanners, older phone cameras and payment terminals
        // among them, only look for dark modules on a light ground.
        if (foreground.RelativeLuminance > background.RelativeLuminance)
        {
            return Invalid($"fg {foreground.Hex} is lighter than bg {background.Hex}: many scanners only read dark modules on a light background.");
        }

        var level = ecc is null ? QRCodeGenerator.ECCLevel.M : ParseEcc(ecc);
        if (level is null)
        {
            return Invalid("ecc must be L, M, Q or H (error correction for about 7, 15, 25 or 30% of the code).");
        }

        var attachment = false;
        if (download is not null && !bool.TryParse(download, out attachment))
        {
            return Invalid("download must be true or false.");
        }

        return (new QrCodeRequest(imageFormat, pixels, foreground, background, level.Value, attachment), null);
    }

    private static RgbColor? ParseColor(string? text, RgbColor fallback) =>
        text is null ? fallback : RgbColor.TryParse(text, out var color) ? color : null;

    private static string ColorMessage(string name, string? text) => string.IsNullOrEmpty(text)
        // The likely cause: "?fg=#1A237E" unencoded, whose "#…" is a URL fragment the server never receives.
        ? $"{name} is empty. Write the colour as RRGGBB or %23RRGGBB; a bare # in a URL starts the fragment, which is not sent."
        : $"{name} must be a hex colour RRGGBB or #RRGGBB (with # written %23 in a URL), such as 1A237E.";

    private static QRCodeGenerator.ECCLevel? ParseEcc(string text) => text.ToUpperInvariant() switch
    {
        "L" => QRCodeGenerator.ECCLevel.L,
        "M" => QRCodeGenerator.ECCLevel.M,
        "Q" => QRCodeGenerator.ECCLevel.Q,
        "H" => QRCodeGenerator.ECCLevel.H,
        _ => null,
    };

    private static (QrCodeRequest?, ApiProblem?) Invalid(string message) =>
        (null, ApiProblem.BadRequest(ErrorCodes.ValidationFailed, message));
}
