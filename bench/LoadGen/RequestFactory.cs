using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// Builds each request like bench/codes.lua does for wrk: a few real browsers' user agents, referrers and, through
/// X-Forwarded-For (the app trusts the loopback proxy in the suite), many client addresses.
/// </summary>
public sealed class RequestFactory
{
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    ];

    private static readonly string[] Referrers = ["https://twitter.com/x", "https://www.facebook.com/", "", "https://news.ycombinator.com/"];
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly CodePicker? _codes;
    private readonly string? _path;
    private readonly string? _postNonce;
    private long _counter;

    private RequestFactory(CodePicker? codes, string? path, string? postNonce)
    {
        _codes = codes;
        _path = path;
        _postNonce = postNonce;
    }

    public CodePicker? Codes => _codes;

    public static RequestFactory ForCodes(CodePicker codes) => new(codes, null, null);

    public static RequestFactory ForPath(string path) => new(null, path, null);

    /// <summary>POST /api/v1/shorten with a long_url that no other request of any run has used.</summary>
    public static RequestFactory ForShorten(string nonce) => new(null, "/api/v1/shorten", nonce);

    public HttpRequestMessage Next() => Build(_codes is null ? _path! : "/" + _codes.Next());

    public HttpRequestMessage? NextOnce() => _codes!.NextOnce() is { } code ? Build("/" + code) : null;

    private HttpRequestMessage Build(string path)
    {
        var n = Interlocked.Increment(ref _counter);
        if (_postNonce is not null)
        {
            var body = string.Create(CultureInfo.InvariantCulture,
                $$"""{"long_url":"https://www.example.com/bench/created/{{_postNonce}}/{{n}}?ref=loadgen"}""");
            return new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = Json } },
            };
        }

        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", Agents[n % Agents.Length]);
        headers.TryAddWithoutValidation("X-Forwarded-For", string.Create(CultureInfo.InvariantCulture,
            $"{1 + (n % 200)}.{n * 7 % 250}.{n * 13 % 250}.{1 + (n % 250)}"));
        if (Referrers[n % Referrers.Length] is { Length: > 0 } referrer)
        {
            headers.TryAddWithoutValidation("Referer", referrer);
        }

        return request;
    }
}
