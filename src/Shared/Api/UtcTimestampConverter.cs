using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Api;

/// <summary>
/// Writes instants as ISO 8601 UTC with second precision (<c>2025-01-08T14:00:00Z</c>), as the spec shows.
/// Reads any ISO 8601 form; a value without an offset is taken as UTC and a bare date as midnight UTC,
/// because that is what people mean when they type one.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO 8601 date-time string.");
        }

        var text = reader.GetString();
        if (text is null || text.Length > 64 || !DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var value))
        {
            throw new JsonException("Expected an ISO 8601 date-time such as 2030-01-31T12:00:00Z.");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
}
