using System.Text.RegularExpressions;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// Turns uap-core's families into the five device classes. uap-core names devices ("Samsung SM-T870",
/// "iPhone", "Spider") but has no notion of phone versus tablet versus desktop, so these rules add only that,
/// plus the few automated agents it does not flag.
/// </summary>
internal static class DeviceClassRules
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    // Generous: the limit is wall-clock, and on a loaded two-core machine scheduling alone can take 100 ms. It is a
    // backstop against pathological input (user agents are cut to 1 KiB first), not a budget.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Link-preview fetchers, crawlers and headless browsers that uap-core 0.18.0 neither calls "Spider" nor names
    // with a bot word (checked one by one; the usual list, Slackbot to Discordbot to Googlebot, it already flags).
    private static readonly Regex UnflaggedBots = new(
        @"SkypeUriPreview|MicrosoftPreview|Embedly|Iframely|vkShare|Bluesky Cardyb|^Mastodon/|^Pleroma |^Misskey/|facebookcatalog"
        + @"|Google-InspectionTool|Google-Read-Aloud|Google-PageRenderer|FeedFetcher-Google"
        + @"|Chrome-Lighthouse|HeadlessChrome|PhantomJS",
        Options, Timeout);

    // uap-core's browser parsers name crawlers ("Applebot", "Bytespider") with the same words its own bot matchers
    // look for, while its device "Spider" rule only looks at the first 100 characters and misses the ones that
    // put their name after a full browser user agent.
    private static readonly Regex BotFamilies = new(
        @"bot\b|bot[-_ ]|spider|crawl|archiver|indexer|scraper",
        Options | RegexOptions.IgnoreCase, Timeout);

    // HTTP client libraries and command-line tools: a script, not a device. uap-core calls a few of them Spider
    // (Python-urllib, Java, WinHTTP) and the rest not, so they are decided here, consistently, as "other".
    private static readonly Regex Libraries = new(
        @"^(?:curl|Wget|python-requests|Python-urllib|Python|python-httpx|aiohttp|Go-http-client|okhttp|Apache-HttpClient"
        + @"|Java|libwww-perl|PostmanRuntime|axios|node-fetch|undici|Dart|Deno|WinHTTP|Google-HTTP-Java-Client|HTTPie"
        + @"|Ruby|GuzzleHttp|PHP|reqwest)(?:[/ ]|$)",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Televisions, set-top boxes, consoles, headsets and cars browse too, but are neither phones nor desktops.
    private static readonly Regex TelevisionsAndConsoles = new(
        @"SMART-TV|SmartTV|Smart-TV|HbbTV|Web0S|webOS\.TV|NetCast|BRAVIA|\bAFT[A-Z]{1,5}\b|CrKey|GoogleTV|Android ?TV"
        + @"|\bRoku|AppleTV|Apple TV|PlayStation|Xbox|Nintendo|OculusBrowser|Tesla/",
        Options, Timeout);

    private static readonly Regex TabletHints = new(
        @"iPad|Kindle|Silk/|\bKF[A-Z]{2,6}\b|Tablet(?! PC)|PlayBook",
        Options, Timeout);

    // Tablet models uap-core names without saying "tablet": Samsung SM-T/SM-X/SM-P/GT-P, Lenovo TB, Huawei
    // MediaPad/MatePad, Google's Nexus 7/9/10 and Pixel C/Tablet, Xiaomi and other "Pad" models.
    private static readonly Regex TabletModels = new(
        @"^(?:SM-[TXP]\d|GT-P\d|GT-N[58]\d|TB-|TB\d|Lenovo TB|MediaPad|MatePad|Nexus (?:7|9|10)\b|Pixel (?:C|Tablet)\b)"
        + @"|\bPad\b|\bTab\b|Tablet",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly HashSet<string> MobileOperatingSystems = new(StringComparer.Ordinal)
    {
        "iOS", "Android", "Windows Phone", "Windows Mobile", "BlackBerry OS", "KaiOS", "Firefox OS", "Symbian OS",
        "Symbian^3", "Symbian^3 Anna", "Symbian^3 Belle", "Nokia Series 40", "Nokia Series 30 Plus", "Tizen",
        "Sailfish", "webOS", "Bada", "Brew MP", "MeeGo", "Maemo", "HarmonyOS",
    };

    private static readonly HashSet<string> DesktopOperatingSystems = new(StringComparer.Ordinal)
    {
        "Windows", "Mac OS X", "Mac OS", "Linux", "Chrome OS", "FreeBSD", "OpenBSD", "NetBSD", "Solaris",
        "Ubuntu", "Kubuntu", "Xubuntu", "Lubuntu", "Debian", "Fedora", "Red Hat", "CentOS", "Gentoo", "Mint",
        "Linux Mint", "Arch Linux", "SUSE", "openSUSE", "Slackware", "Mandriva", "Mageia", "PCLinuxOS", "elementary OS",
    };

    public static string Classify(string userAgent, UapResult parsed)
    {
        if (UnflaggedBots.IsMatch(userAgent))
        {
            return DeviceTypes.Bot;
        }

        if (Libraries.IsMatch(userAgent))
        {
            return DeviceTypes.Other;
        }

        if (parsed.Device == "Spider" || BotFamilies.IsMatch(parsed.Browser))
        {
            return DeviceTypes.Bot;
        }

        if (parsed.Brand == "Generic_Inettv" || TelevisionsAndConsoles.IsMatch(userAgent))
        {
            return DeviceTypes.Other;
        }

        if (IsTablet(userAgent, parsed))
        {
            return DeviceTypes.Tablet;
        }

        if (IsPhone(userAgent, parsed))
        {
            return DeviceTypes.Mobile;
        }

        return DesktopOperatingSystems.Contains(parsed.Os) && parsed.Browser != UserAgentInfo.OtherFamily
            ? DeviceTypes.Desktop
            : DeviceTypes.Other;
    }

    private static bool IsTablet(string userAgent, UapResult parsed)
    {
        if (TabletHints.IsMatch(userAgent) || parsed.Os == "BlackBerry Tablet OS")
        {
            return true;
        }

        if (parsed.Model is { } model && TabletModels.IsMatch(model))
        {
            return true;
        }

        if (TabletModels.IsMatch(parsed.Device))
        {
            return true;
        }

        // Chrome, Samsung Internet and the Android WebView say "Mobile" on phones and leave it out on tablets.
        // iPadOS in its default desktop mode sends a Mac user agent and is counted as a desktop: nothing tells them apart.
        return parsed.Os == "Android" && !userAgent.Contains("Mobile", StringComparison.Ordinal);
    }

    private static bool IsPhone(string userAgent, UapResult parsed) =>
        MobileOperatingSystems.Contains(parsed.Os)
        || parsed.Device is "iPhone" or "iPod" or "Generic Smartphone" or "Generic Feature Phone"
        || userAgent.Contains("iPhone", StringComparison.Ordinal)
        || userAgent.Contains("Mobi", StringComparison.Ordinal);
}
