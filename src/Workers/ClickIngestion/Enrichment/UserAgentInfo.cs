using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// What a user agent says about the click: the device class (one of <see cref="DeviceTypes"/> mobile, desktop,
/// tablet, bot, other), the OS and browser families as uap-core names them ("Other" when unknown), and whether
/// an automated agent made it.
/// </summary>
public sealed record UserAgentInfo(string DeviceType, string Os, string Browser, bool IsBot)
{
    public const string OtherFamily = "Other";

    /// <summary>No user agent at all; see <see cref="UserAgentClassifier.Classify"/> for why this is not a bot.</summary>
    public static readonly UserAgentInfo Empty = new(DeviceTypes.Other, OtherFamily, OtherFamily, IsBot: false);
}
