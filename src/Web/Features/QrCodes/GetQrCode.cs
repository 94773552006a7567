using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Features.QrCodes;

/// <summary>
/// <c>GET /api/v1/urls/{short_code}/qr</c>: the short URL as a PNG or SVG QR code, for any link the caller can see.
/// An expired link still gets one: the code leads to the short URL, which tells its visitors the link has expired,
/// and the owner may want it for their records.
/// </summary>
public static class GetQrCode
{
    // The image is a pure function of the short URL and the options, so it never changes under its URL; one day only
    // bounds how long caches keep codes drawn for a public base URL that has since been reconfigured.
    private const string Freshness = "max-age=86400, immutable";

    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "short_code")] string shortCode,
        [FromQuery(Name = "format")] string? format,
        [FromQuery(Name = "size")] string? size,
        [FromQuery(Name = "fg")] string? fg,
        [FromQuery(Name = "bg")] string? bg,
        [FromQuery(Name = "ecc")] string? ecc,
        [FromQuery(Name = "download")] string? download,
        HttpContext http,
        AppDbContext db,
        ShortUrls shortUrls,
        CancellationToken cancellationToken)
    {
        // Options first: a malformed request costs no database round trip, and its answer says nothing about the link.
        var (request, problem) = QrCodeRequest.Parse(format, size, fg, bg, ecc, download);
        if (request is null)
        {
            return ApiResults.Error(problem!);
        }

        var link = await db.Links.AsNoTracking()
            .VisibleTo(http.User.UserId())
            .Where(l => l.ShortCode == shortCode)
            .Select(l => new { l.ShortCode, l.UserId })
            .FirstOrDefaultAsync(cancellationToken);
        // Someone else's link and a deleted one answer exactly like a missing one, as its info does.
        if (link is null)
        {
            return ApiResults.Error(LinkAccess.NotFound(shortCode));
        }

        var shortUrl = shortUrls.For(http.Request, link.ShortCode);
        var etag = new EntityTagHeaderValue(QrCodeRenderer.ETagFor(shortUrl, request));
        http.Response.GetTypedHeaders().ETag = etag;
        // An owned link's image is only for its owner: no shared cache may keep it, and a browser keeps it per credential.
        if (link.UserId is null)
        {
            http.Response.Headers.CacheControl = $"public, {Freshness}";
        }
        else
        {
            http.Response.Headers.CacheControl = $"private, {Freshness}";
            http.Response.Headers.Vary = "Authorization, X-API-Key, Cookie";
        }

        // Checked here rather than left to the file result, so that a revalidation does not draw the image at all.
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (request.Download)
        {
            // Short codes are [A-Za-z0-9-] (generated or alias), so the name needs no escaping.
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{link.ShortCode}.{request.Format.Name}\"";
        }

        return TypedResults.Bytes(QrCodeRenderer.Render(shortUrl, request), request.Format.ContentType);
    }
}
