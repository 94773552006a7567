using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QRCoder;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace UrlShortener.Web.Tests.QrCodes;

/// <summary>
/// Reads back the images the QR endpoint draws: enough of PNG for QRCoder's 1-bit indexed files, the SVG's module
/// runs, and a real scan with ZXing over the pixels, as a phone camera would see them.
/// </summary>
public static partial class QrImages
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage ReadPng(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(PngSignature), "The body does not start with the PNG signature.");
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        var palette = new List<(byte R, byte G, byte B)>();
        using var compressed = new MemoryStream();
        var offset = PngSignature.Length;
        while (offset < file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    (bitDepth, colorType) = (data[8], data[9]);
                    break;
                case "PLTE":
                    for (var i = 0; i < length; i += 3)
                    {
                        palette.Add((data[i], data[i + 1], data[i + 2]));
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        Assert.True(bitDepth == 1 && colorType == 3, $"Expected a 1-bit indexed PNG, got bit depth {bitDepth}, colour type {colorType}.");
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var scanlines = inflated.ToArray();
        var stride = ((width + 7) / 8) + 1;
        Assert.Equal(stride * height, scanlines.Length);
        var pixels = new (byte R, byte G, byte B)[width * height];
        for (var y = 0; y < height; y++)
        {
            Assert.True(scanlines[y * stride] == 0, "Only unfiltered scanlines are expected from QRCoder.");
            for (var x = 0; x < width; x++)
            {
                var index = (scanlines[(y * stride) + 1 + (x / 8)] >> (7 - (x % 8))) & 1;
                pixels[(y * width) + x] = palette[index];
            }
        }

        return new PngImage(width, height, palette, pixels);
    }

    public static SvgImage ReadSvg(string text)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(ns + "svg", root.Name);
        var viewBox = ((string)root.Attribute("viewBox")!).Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(viewBox is [0, 0, var w, var h] && w == h, $"Expected a square viewBox from 0 0, got {root.Attribute("viewBox")}.");
        var modules = viewBox[2];
        var background = (string)root.Element(ns + "rect")!.Attribute("fill")!;
        var path = root.Element(ns + "path")!;
        var dark = new bool[modules, modules];
        var runs = ModuleRun().Matches((string)path.Attribute("d")!);
        Assert.Equal(((string)path.Attribute("d")!).Length, runs.Sum(run => run.Length));
        foreach (Match run in runs)
        {
            var (x, y, length) = (Number(run, "x"), Number(run, "y"), Number(run, "w"));
            for (var i = 0; i < length; i++)
            {
                dark[y, x + i] = true;
            }
        }

        return new SvgImage((string)root.Attribute("width")!, (string)root.Attribute("height")!, modules, (string)path.Attribute("fill")!, background, dark);
    }

    /// <summary>The module matrix QRCoder makes for a text, quiet zone included: what the image must show.</summary>
    public static bool[,] Expected(string text, QRCodeGenerator.ECCLevel ecc)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, ecc);
        return ToArray(data.ModuleMatrix);
    }

    /// <summary>The modules of a PNG, sampled at the centre of each, as dark where the pixel is the palette's first colour.</summary>
    public static bool[,] Modules(PngImage png, int modules)
    {
        var pixelsPerModule = png.Width / modules;
        Assert.Equal(png.Width, pixelsPerModule * modules);
        var dark = new bool[modules, modules];
        for (var y = 0; y < modules; y++)
        {
            for (var x = 0; x < modules; x++)
            {
                var pixel = png.Pixels[((y * pixelsPerModule) + (pixelsPerModule / 2)) * png.Width + (x * pixelsPerModule) + (pixelsPerModule / 2)];
                dark[y, x] = pixel == png.Palette[0];
            }
        }

        return dark;
    }

    /// <summary>Scans the code like a phone would, from grey levels; fails the test when nothing can be read.</summary>
    public static Result Scan(int width, int height, Func<int, int, byte> greyAt)
    {
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                grey[(y * width) + x] = greyAt(x, y);
            }
        }

        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.True(result is not null, "ZXing found no readable QR code in the image.");
        return result;
    }

    public static Result Scan(PngImage png) =>
        Scan(png.Width, png.Height, (x, y) => Grey(png.Pixels[(y * png.Width) + x]));

    /// <summary>Draws the SVG's modules at a few pixels each, in its own colours, and scans that.</summary>
    public static Result Scan(SvgImage svg)
    {
        const int PixelsPerModule = 4;
        var (dark, light) = (Grey(Color(svg.Foreground)), Grey(Color(svg.Background)));
        var size = svg.Modules * PixelsPerModule;
        return Scan(size, size, (x, y) => svg.Dark[y / PixelsPerModule, x / PixelsPerModule] ? dark : light);
    }

    public static string EccOf(Result scan) => (string)scan.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL];

    public static (byte R, byte G, byte B) Color(string hex)
    {
        Assert.Matches("^#[0-9A-F]{6}$", hex);
        var rgb = uint.Parse(hex[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    private static byte Grey((byte R, byte G, byte B) c) => (byte)Math.Round((0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B));

    private static bool[,] ToArray(List<System.Collections.BitArray> rows)
    {
        var matrix = new bool[rows.Count, rows.Count];
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < rows.Count; x++)
            {
                matrix[y, x] = rows[y][x];
            }
        }

        return matrix;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // QRCoder writes each horizontal run of dark modules as "M{x} {y}h{w}v1h-{w}z".
    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v1h-\k<w>z")]
    private static partial Regex ModuleRun();
}

public sealed record PngImage(int Width, int Height, IReadOnlyList<(byte R, byte G, byte B)> Palette, (byte R, byte G, byte B)[] Pixels);

/// <summary>An SVG QR code: its size attributes, module count (viewBox), colours and dark modules.</summary>
public sealed record SvgImage(string Width, string Height, int Modules, string Foreground, string Background, bool[,] Dark);
