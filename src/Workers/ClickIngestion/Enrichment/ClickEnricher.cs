using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// Turns a captured click into what the store keeps: geography, device, referrer host, bot flag, visitor hash,
/// and an IP that is anonymised unless <see cref="EnrichmentOptions.StoreFullIp"/> says otherwise.
/// </summary>
public sealed partial class ClickEnricher
{
    public const int MaxUserAgentLength = UserAgentClassifier.MaxLength;
    public const int MaxAcceptLanguageLength = 256;

    private readonly IGeoLocator _geo;
    private readonly UserAgentClassifier _userAgents;
    private readonly VisitorHasher _visitors;
    private readonly bool _storeFullIp;

    public ClickEnricher(IGeoLocator geo, UserAgentClassifier userAgents, IOptions<EnrichmentOptions> options, ILogger<ClickEnricher> logger)
    {
        _geo = geo;
        _userAgents = userAgents;
        var settings = options.Value;
        _visitors = new VisitorHasher(settings.VisitorSalt);
        _storeFullIp = settings.StoreFullIp;

        // The enricher is a singleton built when the workers start, so this is the start-up warning.
        if (settings.VisitorSalt == EnrichmentOptions.DevelopmentVisitorSalt)
        {
            LogDevelopmentSalt(logger);
        }
    }

    public EnrichedClick Enrich(ClickEvent click)
    {
        ArgumentNullException.ThrowIfNull(click);

        var address = ClientAddress.TryParse(click.ClientIp, out var parsed) ? parsed : null;
        var location = address is null ? GeoLocation.Unknown : _geo.Locate(address);
        var userAgent = Truncate(click.UserAgent, MaxUserAgentLength);
        var device = _userAgents.Classify(userAgent);
        var day = DateOnly.FromDateTime(click.OccurredAt.UtcDateTime);

        // The hash takes the full address (normalised, so ::ffff:a.b.c.d and a.b.c.d are one visitor) before it is
        // anonymised: after anonymisation a whole /24 would count as one visitor.
        var visitorIp = address?.ToString() ?? click.ClientIp;

        return new EnrichedClick(
            click.EventId,
            click.ShortCode,
            click.OccurredAt,
            address is null ? null : StoredAddress(address),
            location.Country,
            location.City,
            device.DeviceType,
            device.Os,
            device.Browser,
            ReferrerHosts.HostOf(click.Referrer),
            device.IsBot,
            _visitors.Hash(day, visitorIp, userAgent),
            userAgent,
            Truncate(click.AcceptLanguage, MaxAcceptLanguageLength));
    }

    private string StoredAddress(IPAddress address) =>
        (_storeFullIp ? address : IpAnonymizer.Anonymize(address)).ToString();

    private static string? Truncate(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value) || value.Length <= maxLength)
        {
            return string.IsNullOrEmpty(value) ? null : value;
        }

        // Never cut a surrogate pair in half: the store would reject or mangle the lone half.
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..cut];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics:VisitorSalt is the public development salt: anyone can recompute "
        + "visitor hashes from a guessed IP and user agent. Set Analytics__VisitorSalt to a secret of at least 16 characters before going live.")]
    private static partial void LogDevelopmentSalt(ILogger logger);
}
