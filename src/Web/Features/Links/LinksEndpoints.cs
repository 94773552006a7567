using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.Links;

public static class LinksEndpoints
{
    public static IEndpointRouteBuilder MapLinksEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Shorten, CreateLink.HandleAsync).WithName("ShortenUrl").WithTags("Links");
        app.MapGet(ApiRoutes.Available, CheckAlias.HandleAsync).WithName("CheckAliasAvailability").WithTags("Links");
        app.MapGet(ApiRoutes.UrlInfo, GetLinkInfo.HandleAsync).WithName("GetUrlInfo").WithTags("Links");
        app.MapPatch(ApiRoutes.UrlInfo, UpdateLink.HandleAsync).RequireAuthorization().WithName("UpdateUrl").WithTags("Links");
        app.MapDelete(ApiRoutes.UrlInfo, DeleteLink.HandleAsync).RequireAuthorization().WithName("DeleteUrl").WithTags("Links");
        return app;
    }
}
