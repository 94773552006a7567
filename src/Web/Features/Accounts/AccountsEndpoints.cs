using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.Accounts;

public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Register, RegisterUser.HandleAsync).WithName("RegisterUser").WithTags("Accounts");
        app.MapPost(ApiRoutes.Login, LogIn.HandleAsync).WithName("LogIn").WithTags("Accounts");
        app.MapGet(ApiRoutes.MyUrls, ListMyLinks.HandleAsync).RequireAuthorization().WithName("ListMyUrls").WithTags("Accounts");
        return app;
    }
}
