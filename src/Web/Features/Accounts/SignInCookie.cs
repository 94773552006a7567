using Microsoft.AspNetCore.Authentication.Cookies;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>The dashboard's sign-in cookie.</summary>
public static class SignInCookie
{
    public const string Name = "shortly.auth";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        // Lax, not Strict, so that following a link to the dashboard from an e-mail keeps one signed in. Cross-site
        // POST/PATCH/DELETE never carry a Lax cookie, and the API's JSON bodies need a CORS preflight nobody grants.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = LoginPath;
        options.LogoutPath = LogoutPath;
        options.AccessDeniedPath = LoginPath;
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;
        var redirectToLogin = options.Events.OnRedirectToLogin;
        var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        // A program calling the API wants a status and an envelope, not an HTML sign-in page.
        options.Events.OnRedirectToLogin = context => ApiResults.IsApiRequest(context.Request)
            ? ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                "Sign in, or send an X-API-Key or Authorization: Bearer header.")
            : redirectToLogin(context);
        options.Events.OnRedirectToAccessDenied = context => ApiResults.IsApiRequest(context.Request)
            ? ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                "This account may not do that.")
            : redirectToAccessDenied(context);
    }
}
