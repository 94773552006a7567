using System.Net.Http.Json;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Client.Api;

namespace UrlShortener.Web.Client.Features.ApiKeys;

/// <summary><see cref="IApiKeysClient"/> for WebAssembly: the public API (the sign-in cookie goes along).</summary>
public sealed class HttpApiKeysClient(HttpClient http) : IApiKeysClient
{
    public Task<ApiResult<IReadOnlyList<ApiKeySummary>>> ListAsync(CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<IReadOnlyList<ApiKeySummary>>(ct => http.GetAsync(ApiRoutes.MyApiKeys, ct), cancellationToken);

    public Task<ApiResult<CreatedApiKey>> CreateAsync(string name, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<CreatedApiKey>(ct => http.PostAsJsonAsync(ApiRoutes.MyApiKeys, new CreateApiKeyRequest { Name = name }, ct), cancellationToken);

    public Task<ApiResult<bool>> RevokeAsync(long id, CancellationToken cancellationToken = default) =>
        ApiCall.SendWithoutDataAsync(ct => http.DeleteAsync(ApiRoutes.MyApiKeyFor(id), ct), cancellationToken);
}
