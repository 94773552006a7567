using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.ApiKeys;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>
/// Accounts on ASP.NET Core Identity, and who is calling: <c>X-API-Key</c> or <c>Authorization: Bearer</c> when the
/// request carries one, else the dashboard's sign-in cookie (which the API accepts too, so the WebAssembly components
/// can call it; the cookie never turns an API answer into a redirect to the sign-in page, see <see cref="SignInCookie"/>).
/// </summary>
public static class AccountsFeature
{
    /// <summary>The default scheme: picks one of the three by what the request carries.</summary>
    public const string CallerScheme = "Caller";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "API key, bearer token or sign-in cookie", options =>
                options.ForwardDefaultSelector = http =>
                    http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName
                    : http.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(SignInCookie.Configure));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization();

        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): 10 characters of anything.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, which the register endpoint has already checked.
                options.User.AllowedUserNameCharacters = "";
                options.Stores.SchemaVersion = AppDbContext.IdentitySchema;
            })
            .AddRoles<IdentityRole<long>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddSingleton<BearerTokenIssuer>();
        return builder;
    }

    /// <summary>
    /// Authenticates every request that reaches it (the redirect short-circuits before), and refuses an API call whose
    /// credentials are wrong even where none are needed: a revoked key must not quietly create ownerless links.
    /// </summary>
    public static IApplicationBuilder UseApiAuthentication(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.Use(async (http, next) =>
        {
            if (ApiResults.IsApiRequest(http.Request)
                && (http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || http.Request.Headers.Authorization.Count > 0)
                && (await http.AuthenticateAsync()).Failure is not null)
            {
                await ApiResults.WriteErrorAsync(http, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                    "The API key or bearer token is not valid (unknown, revoked or expired).");
                return;
            }

            await next(http);
        });
        app.UseAuthorization();
        return app;
    }
}
