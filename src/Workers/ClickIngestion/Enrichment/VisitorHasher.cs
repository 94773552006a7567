using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// The unique-visitor key: a keyed hash of day, client IP and user agent. The same person on the same day gives
/// the same hash, the next day a different one, and without the secret nobody can test a guessed IP against it,
/// so unique visitors are counted without keeping any raw IP.
/// </summary>
public sealed class VisitorHasher
{
    public const int MinSecretLength = 16;

    // 16 bytes (128 bits) keep collisions out of reach for any realistic daily visitor count.
    private const int HashBytes = 16;
    private const int StackBufferBytes = 1024;
    private const int DayBytes = 8;

    // Domain separation: the same secret used elsewhere must not give the same key.
    private static readonly byte[] KeyInfo = "urlshortener/visitor-hash/v1"u8.ToArray();

    private readonly byte[] _key;

    public VisitorHasher(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinSecretLength)
        {
            throw new ArgumentException($"The visitor hash secret must have at least {MinSecretLength} characters.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: KeyInfo);
    }

    /// <summary>22 base64url characters; day, IP and user agent as given (an absent one hashes like an empty one).</summary>
    public string Hash(DateOnly day, string? clientIp, string? userAgent)
    {
        clientIp ??= string.Empty;
        userAgent ??= string.Empty;

        // day, then the IP's byte count, the IP and the user agent: with the length in front no two different
        // (ip, user agent) pairs can produce the same input, whatever characters they contain.
        var length = DayBytes + sizeof(int) + Encoding.UTF8.GetMaxByteCount(clientIp.Length) + Encoding.UTF8.GetMaxByteCount(userAgent.Length);
        byte[]? rented = null;
        var buffer = length <= StackBufferBytes
            ? stackalloc byte[StackBufferBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            day.TryFormat(buffer, out var written, "yyyyMMdd", CultureInfo.InvariantCulture);
            var ipBytes = Encoding.UTF8.GetBytes(clientIp, buffer[(written + sizeof(int))..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer[written..], ipBytes);
            written += sizeof(int) + ipBytes;
            written += Encoding.UTF8.GetBytes(userAgent, buffer[written..]);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, buffer[..written], mac);
            return Base64Url.EncodeToString(mac[..HashBytes]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
