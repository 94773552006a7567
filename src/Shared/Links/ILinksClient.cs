using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Links;

/// <summary>
/// The links API as the dashboard's components see it. Implemented over HTTP in the browser and directly over
/// the use cases on the server, so that prerendering and interactive server rendering never call the app over HTTP.
/// Calls made by a signed-in person act for that account (links they create are theirs).
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

    /// <summary>The signed-in account's links (<c>GET /api/v1/users/me/urls</c>), searched, sorted and paged.</summary>
    Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default);

    /// <summary>One link (<c>GET /api/v1/urls/{short_code}</c>); another account's link is not found.</summary>
    Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default);

    /// <summary>Disables or re-enables one of the account's links (<c>PATCH /api/v1/urls/{short_code}</c>).</summary>
    Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default);

    /// <summary>Deletes one of the account's links for good (<c>DELETE /api/v1/urls/{short_code}</c>).</summary>
    Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default);
}
