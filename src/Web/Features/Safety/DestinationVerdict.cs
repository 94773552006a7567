namespace UrlShortener.Web.Features.Safety;

/// <summary>
/// The outcome of <see cref="DestinationValidator.Check"/>: either the normalised URL to store,
/// or an API error code with a message a person can act on.
/// </summary>
public readonly record struct DestinationVerdict(string? NormalizedUrl, string? ErrorCode, string? Message)
{
    public bool IsAccepted => NormalizedUrl is not null;

    public static DestinationVerdict Accept(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new DestinationVerdict(url, null, null);
    }

    public static DestinationVerdict Refuse(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new DestinationVerdict(null, code, message);
    }
}
