namespace UrlShortener.Web.Features.QrCodes;

/// <summary>The image formats the QR endpoint draws, by their <c>format</c> query value.</summary>
public sealed record QrImageFormat(string Name, string ContentType)
{
    public static readonly QrImageFormat Png = new("png", "image/png");
    public static readonly QrImageFormat Svg = new("svg", "image/svg+xml");

    public static QrImageFormat? Find(string name) =>
        name.Equals(Png.Name, StringComparison.OrdinalIgnoreCase) ? Png
        : name.Equals(Svg.Name, StringComparison.OrdinalIgnoreCase) ? Svg
        : null;
}
