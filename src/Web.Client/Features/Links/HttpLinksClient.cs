using System.Net.Http.Json;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Api;

namespace UrlShortener.Web.Client.Features.Links;

/// <summary><see cref="ILinksClient"/> for WebAssembly: the public API, read through its envelope by <see cref="ApiCall"/>.</summary>
public sealed class HttpLinksClient(HttpClient http) : ILinksClient
{
    public Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<ShortenedLink>(ct => http.PostAsJsonAsync(ApiRoutes.Shorten, request, ct), cancellationToken);

    public Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<AliasAvailability>(ct => http.GetAsync(ApiRoutes.AvailableFor(alias), ct), cancellationToken);

    public Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<MyLinksPage>(ct => http.GetAsync(ApiRoutes.MyUrls + query.ToQueryString(), ct), cancellationToken);

    public Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<LinkInfo>(ct => http.GetAsync(ApiRoutes.UrlInfoFor(shortCode), ct), cancellationToken);

    public Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<LinkInfo>(
            ct => http.PatchAsJsonAsync(ApiRoutes.UrlInfoFor(shortCode), new UpdateLinkRequest { IsActive = isActive }, ct),
            cancellationToken);

    public Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default) =>
        ApiCall.SendAsync<DeletedLink>(ct => http.DeleteAsync(ApiRoutes.UrlInfoFor(shortCode), ct), cancellationToken);
}
