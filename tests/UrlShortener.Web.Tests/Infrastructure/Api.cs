using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>Raw HTTP calls whose JSON is read as a document, so the tests check the wire contract, not our DTOs.</summary>
public static class Api
{
    public static async Task<ApiAnswer> ShortenAsync(this HttpClient client, object body) =>
        await ApiAnswer.ReadAsync(await client.PostAsJsonAsync("/api/v1/shorten", body, TestContext.Current.CancellationToken));

    public static async Task<ApiAnswer> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        await ApiAnswer.ReadAsync(await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), TestContext.Current.CancellationToken));

    public static async Task<ApiAnswer> GetJsonAsync(this HttpClient client, string path) =>
        await ApiAnswer.ReadAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

    public static async Task<string> CreateLinkAsync(this HttpClient client, object body)
    {
        var answer = await client.ShortenAsync(body);
        Assert.True(answer.Status == HttpStatusCode.Created, $"Expected 201, got {(int)answer.Status}: {answer.Text}");
        return answer.Data.GetProperty("short_code").GetString()!;
    }
}

public sealed record ApiAnswer(HttpResponseMessage Response, string Text, JsonElement Root)
{
    public HttpStatusCode Status => Response.StatusCode;

    public JsonElement Data => Root.GetProperty("data");

    public string ErrorCode => Root.GetProperty("error").GetProperty("code").GetString()!;

    public string ErrorMessage => Root.GetProperty("error").GetProperty("message").GetString()!;

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var root = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiAnswer(response, text, root);
    }

    public void ShouldBeError(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"Expected {(int)status} {code}, got {(int)Status}: {Text}");
        Assert.False(Root.GetProperty("success").GetBoolean());
        Assert.Equal(code, ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage));
        Assert.False(Root.TryGetProperty("data", out _), "An error envelope carries no data.");
    }
}
