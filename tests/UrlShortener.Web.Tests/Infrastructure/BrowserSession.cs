using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript: keeps cookies, does not follow redirects, and posts the account pages' forms with
/// the antiforgery token of the page it loaded last, as a browser would.
/// </summary>
public sealed partial class BrowserSession(ShortenerApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateDefaultClient(new NoServerErrorsHandler(), new CookieContainerHandler());
    private string _lastPage = "";

    public HttpClient Client => _client;

    public async Task<Page> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var page = await Page.ReadAsync(response);
        _lastPage = page.Html;
        return page;
    }

    /// <summary>Loads <paramref name="path"/>, then submits its form <paramref name="formName"/> with <paramref name="fields"/>.</summary>
    public async Task<Page> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        await GetAsync(path);
        return await PostAsync(path, formName, fields);
    }

    public async Task<Page> PostAsync(string path, string formName, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        // Hidden fields come along as a browser would send them (the reset page carries its link's code in them).
        var form = Hidden().Matches(_lastPage)
            .Where(m => withToken || m.Groups[1].Value != "__RequestVerificationToken")
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        form["_handler"] = formName;

        using var content = new FormUrlEncodedContent(form);
        using var response = await _client.PostAsync(path, content, TestContext.Current.CancellationToken);
        var page = await Page.ReadAsync(response);
        _lastPage = page.Html;
        return page;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    public sealed record Page(HttpStatusCode Status, string Html, string? Location)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                response.Headers.Location?.OriginalString);

        public string Text => WebUtility.HtmlDecode(Html);
    }
}
