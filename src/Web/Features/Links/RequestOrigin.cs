namespace UrlShortener.Web.Features.Links;

/// <summary>
/// Where a request came from as the visitor sees it (<c>https://sho.rt</c>), whether it arrived as an HTTP request
/// or through a Blazor circuit, which has no <see cref="HttpRequest"/>.
/// </summary>
/// <param name="Origin">Scheme, host and port, without a trailing slash.</param>
/// <param name="Host">The host name alone (no port), or null when the request named none.</param>
public sealed record RequestOrigin(string Origin, string? Host)
{
    public static RequestOrigin Of(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host.Value}", request.Host.HasValue ? request.Host.Host : null);

    public static RequestOrigin Of(Uri baseUri) => new(baseUri.GetLeftPart(UriPartial.Authority), baseUri.Host);
}
