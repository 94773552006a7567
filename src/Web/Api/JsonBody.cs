using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Api;

/// <summary>
/// A JSON request body read with a hard size limit, whose every failure (wrong content type, too large,
/// malformed, wrong field types) becomes an <see cref="ApiProblem"/> instead of the framework's empty 400.
/// Reading the pipe ourselves keeps the limit exact on Kestrel and on the test server alike.
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    public const long MaxBytes = 16 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private JsonBody(T? value, ApiProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Send the request body as JSON with the header 'Content-Type: application/json'.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        var read = await ReadLimitedAsync(request.BodyReader, http.RequestAborted);
        if (read is null)
        {
            return TooLarge();
        }

        if (!IsWellFormedJson(read.Value, out var syntaxError))
        {
            return Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, syntaxError);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var reader = new Utf8JsonReader(read.Value, ReaderOptions);
            var value = JsonSerializer.Deserialize<T>(ref reader, options);
            return value is null
                ? Fail(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "The request body must be a JSON object.")
                : new JsonBody<T>(value, null);
        }
        catch (JsonException ex)
        {
            // The syntax is known good here, so this is a field of the wrong type or format.
            var field = ex.Path is { Length: > 2 } path ? path[2..] : "body";
            return field.StartsWith("expires_at", StringComparison.Ordinal)
                ? Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidExpiry,
                    "expires_at must be an ISO 8601 date-time such as 2030-01-31T12:00:00Z.")
                : Fail(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed,
                    $"The field '{field}' has the wrong type or format.");
        }
    }

    private static bool IsWellFormedJson(ReadOnlySequence<byte> body, out string error)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }

            error = reader.BytesConsumed == 0 ? "The request body is empty; send a JSON object." : "";
            return reader.BytesConsumed > 0;
        }
        catch (JsonException ex)
        {
            error = $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
            return false;
        }
    }

    /// <summary>Buffers the body, or answers null as soon as it grows past <see cref="MaxBytes"/>.</summary>
    private static async Task<ReadOnlySequence<byte>?> ReadLimitedAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                // The pipe's buffer is only valid until the next read; the body is small, so copy it. A UTF-8 byte
                // order mark (some Windows tools send one) is not JSON, so it goes.
                var bytes = buffer.ToArray();
                var copy = bytes.AsSpan().StartsWith(Utf8Bom) ? new ReadOnlySequence<byte>(bytes, 3, bytes.Length - 3) : new ReadOnlySequence<byte>(bytes);
                reader.AdvanceTo(buffer.End);
                return copy;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static JsonBody<T> TooLarge() =>
        Fail(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"The request body is larger than the {MaxBytes / 1024} KB this endpoint accepts.");

    private static JsonBody<T> Fail(int status, string code, string message) => new(null, new ApiProblem(status, code, message));
}
