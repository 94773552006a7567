using Microsoft.AspNetCore.Identity;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Accounts;

/// <summary><c>POST /api/v1/users/login</c>: e-mail and password for a bearer token; five misses lock the account.</summary>
public static class LogIn
{
    public static async Task<IResult> HandleAsync(
        JsonBody<Credentials> body,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        BearerTokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return ApiResults.Error(problem);
        }

        var email = body.Value!.Email?.Trim();
        var password = body.Value.Password;
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return ApiResults.BadRequest(ErrorCodes.ValidationFailed, "email and password are required.");
        }

        var user = await users.FindByEmailAsync(email);
        // One answer for an unknown address and a wrong password: no probing for accounts.
        if (user is null)
        {
            return Refused("The e-mail address or the password is wrong.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Refused("Too many failed attempts: this account is locked for a while. Try again later.");
        }

        if (!result.Succeeded)
        {
            return Refused("The e-mail address or the password is wrong.");
        }

        return ApiResults.Ok(tokens.Issue(await signIn.CreateUserPrincipalAsync(user)));
    }

    private static IResult Refused(string message) => ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);
}
