using UrlShortener.Shared.Api;

namespace UrlShortener.Shared.Accounts;

/// <summary>The signed-in account's API keys as the dashboard's components see them.</summary>
public interface IApiKeysClient
{
    /// <summary><c>GET /api/v1/users/me/api-keys</c>, newest first, prefixes only.</summary>
    Task<ApiResult<IReadOnlyList<ApiKeySummary>>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/users/me/api-keys</c>: the answer holds the secret, shown this once.</summary>
    Task<ApiResult<CreatedApiKey>> CreateAsync(string name, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/users/me/api-keys/{id}</c>: the key stops working at once.</summary>
    Task<ApiResult<bool>> RevokeAsync(long id, CancellationToken cancellationToken = default);
}
