using System.Text.Json;
using UrlShortener.Shared.Links;

namespace UrlShortener.UnitTests.Shared.Api;

public sealed class UtcTimestampConverterTests
{
    [Theory]
    [InlineData("\"2030-01-08T00:00:00Z\"", "2030-01-08T00:00:00+00:00")]
    [InlineData("\"2030-01-08T02:00:00+02:00\"", "2030-01-08T00:00:00+00:00")]
    [InlineData("\"2030-01-08T00:00:00\"", "2030-01-08T00:00:00+00:00")]
    [InlineData("\"2030-01-08\"", "2030-01-08T00:00:00+00:00")]
    public void ReadsIsoInstantsAsUtc(string json, string expected)
    {
        var request = JsonSerializer.Deserialize<ShortenRequest>($"{{\"expires_at\": {json}}}")!;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), request.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, request.ExpiresAt!.Value.Offset);
    }

    [Theory]
    [InlineData("\"tomorrow\"")]
    [InlineData("12")]
    [InlineData("true")]
    [InlineData("\"2030-13-45T00:00:00Z\"")]
    public void RefusesValuesThatAreNotInstants(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ShortenRequest>($"{{\"expires_at\": {json}}}"));

    [Fact]
    public void AcceptsNullAsNoExpiry() =>
        Assert.Null(JsonSerializer.Deserialize<ShortenRequest>("{\"expires_at\": null}")!.ExpiresAt);

    [Fact]
    public void WritesUtcWithSecondPrecisionAndZ()
    {
        var link = new ShortenedLink("https://sho.rt/abc123", "abc123", "https://example.com/",
            new DateTimeOffset(2025, 1, 8, 16, 0, 0, 123, TimeSpan.FromHours(2)), null, 302);

        var json = JsonSerializer.Serialize(link);

        Assert.Contains("\"created_at\":\"2025-01-08T14:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expires_at\":null", json, StringComparison.Ordinal);
    }
}
