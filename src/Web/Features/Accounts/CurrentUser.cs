using System.Globalization;
using System.Security.Claims;

namespace UrlShortener.Web.Features.Accounts;

public static class CurrentUser
{
    /// <summary>The signed-in account's id, or null for an anonymous caller.</summary>
    public static long? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
