using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.ApiKeys;

public static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup(ApiRoutes.MyApiKeys).RequireAuthorization().WithTags("ApiKeys");
        keys.MapGet("", ListApiKeys.HandleAsync).WithName("ListApiKeys");
        keys.MapPost("", CreateApiKey.HandleAsync).WithName("CreateApiKey");
        keys.MapDelete("/{id:long}", RevokeApiKey.HandleAsync).WithName("RevokeApiKey");
        return app;
    }
}
