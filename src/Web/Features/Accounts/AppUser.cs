using Microsoft.AspNetCore.Identity;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>An account (spec entity 3, table <c>users</c>). The user name is the e-mail address.</summary>
public sealed class AppUser : IdentityUser<long>
{
    public SubscriptionTier SubscriptionTier { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
