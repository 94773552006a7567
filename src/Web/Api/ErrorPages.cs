using System.Text;

namespace UrlShortener.Web.Api;

/// <summary>
/// The pages a visitor sees when a short link cannot take them anywhere. Rendered once into bytes: under a flood
/// of dead links they cost no more than a redirect.
/// </summary>
public static class ErrorPages
{
    public static readonly ReadOnlyMemory<byte> NotFound = Render(
        "Link not found",
        "URL Not Found",
        "This short link doesn't exist. Check that it was copied completely, letters are case-sensitive.");

    /// <summary>Expired, disabled and deleted links alike: the visitor cannot act on the difference.</summary>
    public static readonly ReadOnlyMemory<byte> Gone = Render(
        "Link no longer available",
        "This link no longer works",
        "It has expired or its owner has turned it off, so it no longer leads anywhere.");

    public static readonly ReadOnlyMemory<byte> ServerError = Render(
        "Something went wrong",
        "Something went wrong",
        "We could not answer this request. Please try again in a moment.");

    public static Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> page)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        response.Headers.CacheControl = "no-store";
        return response.Body.WriteAsync(page).AsTask();
    }

    private static ReadOnlyMemory<byte> Render(string title, string heading, string text) => Encoding.UTF8.GetBytes($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <meta name="robots" content="noindex"><title>{{title}} · Shortly</title>
        <style>
        :root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        body{margin:0;min-height:100vh;display:grid;place-items:center;background:Canvas;color:CanvasText}
        main{max-width:32rem;padding:2rem;text-align:center}
        .brand{font-weight:700;letter-spacing:.02em;color:#5b4bdb}
        h1{font-size:1.6rem;margin:.6rem 0}p{line-height:1.5;opacity:.85}
        a{color:#5b4bdb}
        </style></head>
        <body><main><div class="brand">Shortly</div><h1>{{heading}}</h1><p>{{text}}</p>
        <p><a href="/">Create your own short link</a></p></main></body></html>
        """);
}
