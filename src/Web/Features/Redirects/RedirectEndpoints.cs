namespace UrlShortener.Web.Features.Redirects;

public static class RedirectEndpoints
{
    public static IEndpointRouteBuilder MapRedirectEndpoints(this IEndpointRouteBuilder app)
    {
        var handler = app.ServiceProvider.GetRequiredService<RedirectHandler>();

        // Literal routes (pages, /healthz, static files) outrank this parameter route, so it only sees the rest.
        // ShortCircuit skips the middleware after routing (auth, antiforgery): a redirect needs none of it.
        // ASP.NET Core's own request-duration histogram is off here: RedirectMetrics records the same, per outcome,
        // and a second histogram with five tags on every redirect is measurable at tens of thousands per second.
        app.MapMethods($"/{{{RedirectHandler.RouteParameter}}}", [HttpMethods.Get, HttpMethods.Head], handler.HandleAsync)
            .WithName("FollowShortLink")
            .ExcludeFromDescription()
            .DisableHttpMetrics()
            .ShortCircuit();
        return app;
    }
}
