using System.Text.Json;
using System.Text.Json.Serialization;

namespace UrlShortener.Shared.Api;

/// <summary>The nullable twin of <see cref="UtcTimestampConverter"/>: JSON null stays null.</summary>
public sealed class NullableUtcTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly UtcTimestampConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } instant)
        {
            Inner.Write(writer, instant, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
