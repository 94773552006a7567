using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Features.QrCodes;

public static class QrCodesEndpoints
{
    public static IEndpointRouteBuilder MapQrCodesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.QrCode, GetQrCode.HandleAsync).WithName("GetQrCode").WithTags("QrCodes");
        return app;
    }
}
