using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.UnitTests.Features.Links;

public sealed class AliasPolicyTests
{
    private readonly AliasPolicy _policy = new(new ReservedAliases(new DefaultEndpointDataSource(
        Route("/pricing"), Route("/api/v1/shorten"), Route("/{short_code}"), Route("/docs/{page}"))));

    [Theory]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    [InlineData("Dashboard")]
    [InlineData("healthz")]
    [InlineData("metrics")]
    [InlineData("swagger")]
    public void RefusesTheProductsOwnWordsInAnyCase(string alias) =>
        Assert.Equal(ErrorCodes.ReservedAlias, _policy.Check(alias)?.Code);

    [Theory]
    [InlineData("pricing")]
    [InlineData("Pricing")]
    [InlineData("docs")]
    public void RefusesTheFirstSegmentOfEveryRouteTheAppServes(string alias) =>
        Assert.Equal(ErrorCodes.ReservedAlias, _policy.Check(alias)?.Code);

    [Theory]
    [InlineData("abc")]
    [InlineData("_framework")]
    [InlineData("favicon.ico")]
    public void RefusesMalformedAliasesAsInvalid(string alias) =>
        Assert.Equal(ErrorCodes.InvalidAlias, _policy.Check(alias)?.Code);

    [Theory]
    [InlineData("my-link")]
    [InlineData("pricing-2025")]
    [InlineData("shortcode")]
    public void AcceptsOrdinaryAliases(string alias) => Assert.Null(_policy.Check(alias));

    private static RouteEndpoint Route(string pattern) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, EndpointMetadataCollection.Empty, pattern);
}
