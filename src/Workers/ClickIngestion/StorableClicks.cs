namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// Shapes a batch for the stores (PostgreSQL and SQLite alike): repeated event ids dropped (a batch may carry a
/// redelivered event twice) and every value fitted to its column, so that one odd user agent can never make the
/// whole batch fail and be redelivered forever.
/// </summary>
public static class StorableClicks
{
    public const string Unknown = "unknown";

    public static List<EnrichedClick> Prepare(IReadOnlyList<EnrichedClick> clicks)
    {
        var seen = new HashSet<Guid>(clicks.Count);
        var rows = new List<EnrichedClick>(clicks.Count);
        foreach (var click in clicks)
        {
            if (!seen.Add(click.EventId))
            {
                continue;
            }

            rows.Add(click with
            {
                ShortCode = Clip(click.ShortCode, 20) ?? string.Empty,
                IpAddress = Clip(click.IpAddress, 45),
                Country = Known(click.Country, 64),
                City = Known(click.City, 128),
                DeviceType = Known(click.DeviceType, 16),
                Os = Known(click.Os, 64),
                Browser = Known(click.Browser, 64),
                ReferrerHost = string.IsNullOrWhiteSpace(click.ReferrerHost) ? null : Clip(click.ReferrerHost, 255),
                VisitorHash = Clip(click.VisitorHash, 44) ?? string.Empty,
                UserAgent = Clip(click.UserAgent, 1024),
                AcceptLanguage = Clip(click.AcceptLanguage, 256),
            });
        }

        return rows;
    }

    /// <summary>
    /// NUL is dropped (PostgreSQL refuses it in text; SQLite follows so both hold the same text), and a cut never
    /// splits a surrogate pair (Npgsql would refuse to encode it).
    /// </summary>
    public static string? Clip(string? value, int length)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            value = value.Replace("\0", string.Empty, StringComparison.Ordinal);
        }

        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }

    private static string Known(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? Unknown : Clip(value, length)!;
}
