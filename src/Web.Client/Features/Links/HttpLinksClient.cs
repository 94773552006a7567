using System.Net.Http.Json;
using System.Text.Json;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Features.Links;

/// <summary><see cref="ILinksClient"/> for WebAssembly: the public API, read through its envelope.</summary>
public sealed class HttpLinksClient(HttpClient http) : ILinksClient
{
    public Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ShortenedLink>(() => http.PostAsJsonAsync(ApiRoutes.Shorten, request, cancellationToken), cancellationToken);

    public Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        SendAsync<AliasAvailability>(() => http.GetAsync(ApiRoutes.AvailableFor(alias), cancellationToken), cancellationToken);

    public Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<MyLinksPage>(() => http.GetAsync(ApiRoutes.MyUrls + query.ToQueryString(), cancellationToken), cancellationToken);

    public Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default) =>
        SendAsync<LinkInfo>(() => http.GetAsync(ApiRoutes.UrlInfoFor(shortCode), cancellationToken), cancellationToken);

    public Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default) =>
        SendAsync<LinkInfo>(
            () => http.PatchAsJsonAsync(ApiRoutes.UrlInfoFor(shortCode), new UpdateLinkRequest { IsActive = isActive }, cancellationToken),
            cancellationToken);

    public Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default) =>
        SendAsync<DeletedLink>(() => http.DeleteAsync(ApiRoutes.UrlInfoFor(shortCode), cancellationToken), cancellationToken);

    private static async Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Failure(ErrorCodes.InternalError, "The server could not be reached; check the connection and try again.");
        }
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ApiResponse<T>? envelope;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync<ApiResponse<T>>(cancellationToken);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is { Success: true, Data: { } data })
        {
            return ApiResult<T>.Success(data);
        }

        // A proxy's HTML error page or an empty body has no envelope: say so without showing it.
        return ApiResult<T>.Failure(envelope?.Error ?? new ApiError(
            ErrorCodes.InternalError, $"The server answered {(int)response.StatusCode} without an explanation; try again."));
    }
}
