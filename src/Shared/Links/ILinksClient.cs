using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>
/// The links API as the dashboard's components see it. Implemented over HTTP in the browser and directly over
/// the use cases on the server, so that prerendering and interactive server rendering never call the app over HTTP.
/// </summary>
public interface ILinksClient
{
    /// <summary>Creates a short link (<c>POST /api/v1/shorten</c>); a refusal comes back as the envelope's error.</summary>
    Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks whether a custom alias is free (<c>GET /api/v1/available/{alias}</c>); a malformed or reserved alias
    /// comes back as the envelope's error, whose message says why.
    /// </summary>
    Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default);
}
