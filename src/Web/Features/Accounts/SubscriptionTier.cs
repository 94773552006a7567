namespace UrlShortener.Web.Features.Accounts;

/// <summary>Spec entity 3; stored as lower-case text (<c>free</c>, <c>premium</c>).</summary>
public enum SubscriptionTier
{
    Free,
    Premium,
}
