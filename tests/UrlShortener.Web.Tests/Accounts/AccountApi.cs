using System.Net;
using System.Net.Http.Json;
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
}
