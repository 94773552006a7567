using System.Globalization;

namespace UrlShortener.Web.Features.QrCodes;

/// <summary>An opaque sRGB colour, written <c>RRGGBB</c> or <c>#RRGGBB</c>, and the WCAG 2 contrast arithmetic.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    public static readonly RgbColor Black = new(0, 0, 0);
    public static readonly RgbColor White = new(255, 255, 255);

    /// <summary>Upper-case <c>#RRGGBB</c>: one spelling per colour, so that equal requests hash to equal ETags.</summary>
    public string Hex => $"#{R:X2}{G:X2}{B:X2}";

    public static bool TryParse(string? text, out RgbColor color)
    {
        color = default;
        var hex = text.AsSpan();
        if (hex.StartsWith('#'))
        {
            hex = hex[1..];
        }

        // AllowHexSpecifier alone admits hex digits and nothing else: no sign, no white space, no "0x".
        if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return false;
        }

        color = new RgbColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        return true;
    }

    /// <summary>WCAG 2 relative luminance: 0 for black, 1 for white.</summary>
    public double RelativeLuminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    /// <summary>WCAG 2 contrast ratio, from 1 (the same luminance) to 21 (black on white), whichever is lighter.</summary>
    public static double ContrastRatio(RgbColor a, RgbColor b)
    {
        var (lighter, darker) = (Math.Max(a.RelativeLuminance, b.RelativeLuminance), Math.Min(a.RelativeLuminance, b.RelativeLuminance));
        return (lighter + 0.05) / (darker + 0.05);
    }

    // The sRGB transfer function, with the 0.04045 knee of the sRGB standard that WCAG 2.2 now cites.
    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
