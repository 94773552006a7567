namespace UrlShortener.Shared.Links;

/// <summary>What a link does when followed, as the dashboard and the API's <c>status</c> field name it.</summary>
public static class LinkStatus
{
    /// <summary>Redirects.</summary>
    public const string Active = "active";

    /// <summary>Turned off by its owner: answers 410 until turned on again.</summary>
    public const string Disabled = "disabled";

    /// <summary>Past its expiry: answers 410.</summary>
    public const string Expired = "expired";
}
