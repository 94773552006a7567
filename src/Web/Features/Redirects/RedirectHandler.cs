using System.Diagnostics;
using Microsoft.Extensions.Primitives;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Features.Redirects.Clicks;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>
/// <c>GET /{short_code}</c>, the hot path: shape check, cache lookup, headers. No EF, no per-request services,
/// nothing awaited but the cache; the cached destination string goes into the Location header as it is.
/// </summary>
public sealed class RedirectHandler(ILinkCache cache, IClickEventSink clicks, TimeProvider time, RedirectMetrics metrics)
{
    public const string RouteParameter = "short_code";

    // The spec's header: every click reaches us, so every click is counted.
    private const string NoCache = "no-cache, no-store, must-revalidate";

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var code = http.Request.RouteValues[RouteParameter] as string;
        var response = http.Response;

        // Anything that could never be a code is answered without touching a cache or the database.
        var link = AliasRules.IsWellFormed(code)
            ? await cache.GetAsync(code!, http.RequestAborted)
            : CachedLink.Missing;

        var now = time.GetUtcNow();
        if (!link.Exists)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            await ErrorPages.WriteAsync(response, ErrorPages.NotFound);
        }
        else if (link.IsGoneAt(now))
        {
            response.StatusCode = StatusCodes.Status410Gone;
            await ErrorPages.WriteAsync(response, ErrorPages.Gone);
        }
        else
        {
            response.StatusCode = link.RedirectType == StatusCodes.Status301MovedPermanently
                ? StatusCodes.Status301MovedPermanently
                : StatusCodes.Status302Found;
            response.Headers.Location = link.LongUrl;
            response.Headers.CacheControl = NoCache;
            response.ContentLength = 0;
            if (HttpMethods.IsGet(http.Request.Method))
            {
                // HEAD comes from link checkers, not visitors. Recording is a buffer write; nothing is awaited.
                clicks.Record(Capture(http, code!, now));
            }
        }

        metrics.Answered(response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static ClickEvent Capture(HttpContext http, string code, DateTimeOffset now)
    {
        var headers = http.Request.Headers;
        return new ClickEvent(
            ClickIds.NewId(now),
            code,
            now,
            http.Connection.RemoteIpAddress?.ToString(),
            NullIfEmpty(headers.UserAgent),
            NullIfEmpty(headers.Referer),
            NullIfEmpty(headers.AcceptLanguage));
    }

    private static string? NullIfEmpty(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();
}
