using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Client.Api;

/// <summary>
/// One API call from the browser, read through the spec's envelope into an <see cref="ApiResult{T}"/>: the typed
/// clients never throw at a component for a refusal, an outage or a proxy's HTML error page.
/// </summary>
public static class ApiCall
{
    public static async Task<ApiResult<T>> SendAsync<T>(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Failure(ErrorCodes.InternalError, "The server could not be reached; check the connection and try again.");
        }
    }

    /// <summary>For calls whose success has no body (204): true, or the envelope's error.</summary>
    public static async Task<ApiResult<bool>> SendWithoutDataAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            return response.IsSuccessStatusCode
                ? ApiResult<bool>.Success(true)
                : ApiResult<bool>.Failure((await ReadAsync<object>(response, cancellationToken)).Error!);
        }
        catch (HttpRequestException)
        {
            return ApiResult<bool>.Failure(ErrorCodes.InternalError, "The server could not be reached; check the connection and try again.");
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

        if (envelope?.Error is { } error)
        {
            return ApiResult<T>.Failure(error);
        }

        // A proxy's HTML error page or an empty body has no envelope: say so without showing it.
        return response.StatusCode == HttpStatusCode.Unauthorized
            ? ApiResult<T>.Failure(ErrorCodes.Unauthorized, "Your session has ended; sign in again.")
            : ApiResult<T>.Failure(ErrorCodes.InternalError, $"The server answered {(int)response.StatusCode} without an explanation; try again.");
    }
}
