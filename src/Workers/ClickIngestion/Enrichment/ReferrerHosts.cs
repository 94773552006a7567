namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>The host a click came from, as the analytics group it: "twitter.com", not the full referrer URL.</summary>
public static class ReferrerHosts
{
    /// <summary>The longest host kept (a DNS name has at most 253 characters; anything longer is not one).</summary>
    public const int MaxLength = 255;

    // Far beyond any real Referer header; longer input is rejected before parsing so garbage costs nothing.
    private const int MaxReferrerLength = 8 * 1024;

    /// <summary>
    /// The lower-case host of an absolute http(s) referrer without a leading "www.", or null for anything else
    /// (empty, relative, other schemes, garbage). International names are kept in their ASCII (punycode) form,
    /// "xn--bcher-kva.example": it is what DNS and browsers' address bars agree on, and it cannot be used to
    /// spoof a look-alike host in the dashboard. Android's "android-app://com.slack/" referrers give the app's
    /// package ("com.slack"): for clicks in apps it is the only hint of where they came from.
    /// </summary>
    public static string? HostOf(string? referrer)
    {
        if (string.IsNullOrWhiteSpace(referrer) || referrer.Length > MaxReferrerLength)
        {
            return null;
        }

        try
        {
            if (!Uri.TryCreate(referrer.Trim(), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https" or "android-app"))
            {
                return null;
            }

            return Normalise(uri.Scheme == "android-app" ? uri.Host : uri.IdnHost);
        }
        catch (Exception ex) when (ex is UriFormatException or InvalidOperationException or ArgumentException)
        {
            // Uri rejects some malformed international names only when the host is read; a referrer is untrusted input.
            return null;
        }
    }

    private static string? Normalise(string host)
    {
        var normalised = host.TrimEnd('.').ToLowerInvariant();
        if (normalised.StartsWith("www.", StringComparison.Ordinal))
        {
            normalised = normalised[4..];
        }

        return normalised.Length is 0 or > MaxLength ? null : normalised;
    }
}
