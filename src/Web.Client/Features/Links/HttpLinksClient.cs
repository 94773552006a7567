using System.Net.Http.Json;
using System.Text.Json;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Features.Links;

/// <summary><see cref="ILinksClient"/> for WebAssembly: the public API, read through its envelope.</summary>
public sealed class HttpLinksClient(HttpClient http) : ILinksClient
{
    public async Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(ApiRoutes.Shorten, request, cancellationToken);
            return await ReadAsync<ShortenedLink>(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Unreachable<ShortenedLink>();
        }
    }

    public async Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(ApiRoutes.AvailableFor(alias), cancellationToken);
            return await ReadAsync<AliasAvailability>(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Unreachable<AliasAvailability>();
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

    private static ApiResult<T> Unreachable<T>() =>
        ApiResult<T>.Failure(ErrorCodes.InternalError, "The server could not be reached; check the connection and try again.");
}
