using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST from a form with an antiforgery token (the form field makes the framework check it), so
    /// another site cannot sign people out with an image tag.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInCookie.LogoutPath, async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }
}
