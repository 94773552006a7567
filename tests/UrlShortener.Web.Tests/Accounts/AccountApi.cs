using System.Net;
using System.Net.Http.Json;
using System.Text;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Accounts;

/// <summary>Sign-up and credentials for the account tests.</summary>
public static class AccountApi
{
    public const string Password = "correct horse battery";

    public static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public static async Task<ApiAnswer> RegisterAsync(this HttpClient client, object body) =>
        await ApiAnswer.ReadAsync(await client.PostAsJsonAsync("/api/v1/users/register", body, TestContext.Current.CancellationToken));

    /// <summary>A fresh account; answers its e-mail address and first API key.</summary>
    public static async Task<(string Email, string ApiKey)> SignUpAsync(this HttpClient client)
    {
        var email = UniqueEmail();
        var answer = await client.RegisterAsync(new { email, password = Password });
        Assert.True(answer.Status == HttpStatusCode.Created, $"Expected 201, got {(int)answer.Status}: {answer.Text}");
        return (email, answer.Data.GetProperty("api_key").GetString()!);
    }

    public static async Task<ApiAnswer> SendAsync(this HttpClient client, HttpMethod method, string path, string? apiKey = null,
        string? bearer = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await ApiAnswer.ReadAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    /// <summary>A request whose body is sent exactly as given, for the hostile-input tests.</summary>
    public static async Task<ApiAnswer> SendRawAsync(this HttpClient client, HttpMethod method, string path, string body, string? apiKey,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        return await ApiAnswer.ReadAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    /// <summary>Shortens with the account's key; answers the new link's code.</summary>
    public static async Task<string> CreateOwnedLinkAsync(this HttpClient client, string apiKey, object body)
    {
        var answer = await client.SendAsync(HttpMethod.Post, "/api/v1/shorten", apiKey: apiKey, body: body);
        Assert.True(answer.Status == HttpStatusCode.Created, $"Expected 201, got {(int)answer.Status}: {answer.Text}");
        return answer.Data.GetProperty("short_code").GetString()!;
    }

    public static Task<ApiAnswer> SetActiveAsync(this HttpClient client, string shortCode, bool isActive, string? apiKey) =>
        client.SendAsync(HttpMethod.Patch, $"/api/v1/urls/{shortCode}", apiKey: apiKey, body: new { is_active = isActive });

    public static Task<ApiAnswer> DeleteLinkAsync(this HttpClient client, string shortCode, string? apiKey) =>
        client.SendAsync(HttpMethod.Delete, $"/api/v1/urls/{shortCode}", apiKey: apiKey);
}
