using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>
/// Who is using a server-rendered component. A circuit has no <see cref="HttpContext"/> after the first request, so
/// the server-side clients ask Blazor's authentication state instead.
/// </summary>
public static class CircuitUser
{
    public static async Task<ClaimsPrincipal> CurrentAsync(this AuthenticationStateProvider provider) =>
        (await provider.GetAuthenticationStateAsync()).User;
}
