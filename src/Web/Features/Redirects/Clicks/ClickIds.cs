namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>
/// Click event ids: UUIDv7 (time-ordered, the order the click store inserts in) with the random bits from the
/// per-thread generator of <see cref="Random.Shared"/>. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> asks the
/// operating system for them, a system call on every redirect here; an event id has to be unique (74 random bits
/// within each millisecond), not unpredictable.
/// </summary>
public static class ClickIds
{
    public static Guid NewId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var ms = now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
