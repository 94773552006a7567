using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace UrlShortener.Workers.Tests.Geo;

/// <summary>
/// Writes a small IPv4 MaxMind DB file (format 2.0, 24-bit records) for records whose layout no installed file
/// has, such as the GeoIP2 one of MaxMind's own downloads. Values: string, ushort, uint, ulong, string[] and
/// nested <c>Dictionary&lt;string, object&gt;</c>.
/// </summary>
internal static class MmdbWriter
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];

    public static byte[] Write(string databaseType, IEnumerable<(string Network, Dictionary<string, object> Record)> networks)
    {
        // Records: >= 0 a child node, -1 nothing, <= -2 data at offset -(value + 2).
        var tree = new List<int[]> { new[] { -1, -1 } };
        using var data = new MemoryStream();
        foreach (var (network, record) in networks)
        {
            var offset = (int)data.Length;
            Encode(data, record);
            var slash = network.IndexOf('/', StringComparison.Ordinal);
            var address = IPAddress.Parse(network[..slash]).GetAddressBytes();
            var prefix = int.Parse(network[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var node = 0;
            for (var i = 0; i < prefix; i++)
            {
                var bit = (address[i / 8] >> (7 - (i % 8))) & 1;
                if (i == prefix - 1)
                {
                    tree[node][bit] = -(offset + 2);
                }
                else
                {
                    if (tree[node][bit] < 0)
                    {
                        tree.Add([-1, -1]);
                        tree[node][bit] = tree.Count - 1;
                    }

                    node = tree[node][bit];
                }
            }
        }

        using var file = new MemoryStream();
        var nodeCount = tree.Count;
        Span<byte> node24 = stackalloc byte[6];
        foreach (var records in tree)
        {
            for (var side = 0; side < 2; side++)
            {
                var value = records[side] switch
                {
                    -1 => nodeCount,
                    < -1 and var d => nodeCount + 16 + (-d - 2),
                    var child => child,
                };
                node24[side * 3] = (byte)(value >> 16);
                node24[(side * 3) + 1] = (byte)(value >> 8);
                node24[(side * 3) + 2] = (byte)value;
            }

            file.Write(node24);
        }

        file.Write(new byte[16]);
        data.WriteTo(file);
        file.Write(MetadataMarker);
        Encode(file, new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = 1_780_000_000UL,
            ["database_type"] = databaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "test database" },
            ["ip_version"] = (ushort)4,
            ["languages"] = new[] { "en" },
            ["node_count"] = (uint)nodeCount,
            ["record_size"] = (ushort)24,
        });
        return file.ToArray();
    }

    private static void Encode(Stream output, object value)
    {
        switch (value)
        {
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                Control(output, 2, bytes.Length);
                output.Write(bytes);
                break;
            case ushort number:
                Unsigned(output, 5, number);
                break;
            case uint number:
                Unsigned(output, 6, number);
                break;
            case ulong number:
                Unsigned(output, 9, number);
                break;
            case string[] items:
                Control(output, 11, items.Length);
                foreach (var item in items)
                {
                    Encode(output, item);
                }

                break;
            case Dictionary<string, object> map:
                Control(output, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    Encode(output, key);
                    Encode(output, item);
                }

                break;
            default:
                throw new ArgumentException($"No MMDB encoding for {value.GetType()}", nameof(value));
        }
    }

    private static void Unsigned(Stream output, int type, ulong number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, number);
        var significant = bytes.TrimStart((byte)0);
        Control(output, type, significant.Length);
        output.Write(significant);
    }

    // Types above 7 are "extended": type 0 in the control byte, then type - 7 in the next one.
    private static void Control(Stream output, int type, int size)
    {
        if (size >= 29)
        {
            throw new ArgumentException("Only sizes below 29 are needed here.", nameof(size));
        }

        output.WriteByte((byte)(((type <= 7 ? type : 0) << 5) | size));
        if (type > 7)
        {
            output.WriteByte((byte)(type - 7));
        }
    }
}
