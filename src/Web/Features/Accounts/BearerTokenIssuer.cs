using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Accounts;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>
/// Issues Identity's bearer tokens exactly as its handler does on sign-in (same protectors, same lifetimes), but hands
/// them back to the endpoint instead of writing its own JSON, so that they travel in the API envelope.
/// </summary>
public sealed class BearerTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public BearerToken Issue(ClaimsPrincipal principal)
    {
        var settings = options.Get(IdentityConstants.BearerScheme);
        var now = time.GetUtcNow();
        var access = new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = now + settings.BearerTokenExpiration },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        var refresh = new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = now + settings.RefreshTokenExpiration },
            $"{IdentityConstants.BearerScheme}:RefreshToken");
        return new BearerToken(
            settings.BearerTokenProtector.Protect(access),
            "Bearer",
            (long)settings.BearerTokenExpiration.TotalSeconds,
            settings.RefreshTokenProtector.Protect(refresh));
    }
}
