using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Features.Safety;

namespace UrlShortener.Web.Features.Links;

/// <summary><c>POST /api/v1/shorten</c>: validate everything first, then one insert; nothing half-written.</summary>
public static class CreateLink
{
    // A generated code can only meet an existing custom alias of the same shape; a handful of tries is plenty.
    private const int MaxGeneratedAttempts = 8;
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(36500);

    public static async Task<IResult> HandleAsync(
        JsonBody<ShortenRequest> body,
        HttpRequest http,
        AppDbContext db,
        ShortCodeAllocator allocator,
        AliasPolicy aliases,
        ShortUrls shortUrls,
        ILinkCache cache,
        TimeProvider time,
        IOptions<ShortLinksOptions> options,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } bodyProblem)
        {
            return ApiResults.Error(bodyProblem);
        }

        var request = body.Value!;
        var now = TruncateToSeconds(time.GetUtcNow());
        var settings = options.Value;
        if (Validate(request, now, settings, shortUrls.OwnHosts(http), aliases) is { } problem)
        {
            return ApiResults.Error(problem.Problem);
        }

        var (longUrl, expiresAt, redirectType) = Normalize(request, now, settings);
        var link = new ShortLink
        {
            ShortCode = request.CustomAlias ?? "",
            LongUrl = longUrl,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            IsCustom = request.CustomAlias is not null,
            RedirectType = redirectType,
        };

        var saved = link.IsCustom
            ? await SaveAliasAsync(db, link, cancellationToken)
            : await SaveGeneratedAsync(db, link, allocator, cancellationToken);
        if (!saved)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.AliasTaken,
                $"Custom alias '{link.ShortCode}' is already taken");
        }

        // Replaces a cached "not found" for this code on every instance, and warms the cache for the first click.
        await cache.SetAsync(link.ShortCode, new CachedLink(link.LongUrl, link.ExpiresAt, link.RedirectType), cancellationToken);

        var result = new ShortenedLink(
            shortUrls.For(http, link.ShortCode), link.ShortCode, link.LongUrl, link.CreatedAt, link.ExpiresAt, link.RedirectType);
        return ApiResults.Created(ApiRoutes.UrlInfoFor(link.ShortCode), result);
    }

    private static ValidationFailure? Validate(
        ShortenRequest request, DateTimeOffset now, ShortLinksOptions settings, IReadOnlyCollection<string> ownHosts, AliasPolicy aliases)
    {
        if (string.IsNullOrWhiteSpace(request.LongUrl))
        {
            return new(ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "long_url is required: the address the short link leads to."));
        }

        var verdict = DestinationValidator.Check(request.LongUrl, new DestinationRules(settings.AllowPrivateDestinations, ownHosts));
        if (!verdict.IsAccepted)
        {
            return new(ApiProblem.BadRequest(verdict.ErrorCode!, verdict.Message!));
        }

        if (request.RedirectType is not (null or 301 or 302))
        {
            return new(ApiProblem.BadRequest(ErrorCodes.InvalidRedirectType, "redirect_type must be 301 (permanent) or 302 (temporary)."));
        }

        if (request.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            return new(ApiProblem.BadRequest(ErrorCodes.InvalidExpiry, "expires_at must be in the future."));
        }

        if (request.ExpiresAt is { } far && far > now + MaxLifetime)
        {
            return new(ApiProblem.BadRequest(ErrorCodes.InvalidExpiry, "expires_at must be within 100 years."));
        }

        return request.CustomAlias is { } alias && aliases.Check(alias) is { } aliasProblem ? new(aliasProblem) : null;
    }

    private static (string LongUrl, DateTimeOffset? ExpiresAt, short RedirectType) Normalize(
        ShortenRequest request, DateTimeOffset now, ShortLinksOptions settings)
    {
        // Validate() accepted it, so normalisation succeeds; run once more to get the stored form.
        var longUrl = DestinationValidator.Check(request.LongUrl, new DestinationRules(true, [])).NormalizedUrl!;
        var expiresAt = request.ExpiresAt is { } requested
            ? TruncateToSeconds(requested)
            : settings.DefaultExpiryYears == 0 ? (DateTimeOffset?)null : now.AddYears(settings.DefaultExpiryYears);
        return (longUrl, expiresAt, (short)(request.RedirectType ?? StatusCodes.Status302Found));
    }

    private static async Task<bool> SaveAliasAsync(AppDbContext db, ShortLink link, CancellationToken cancellationToken)
    {
        // The check answers the common case without an error in the logs; the unique index settles real races.
        if (await db.Links.AnyAsync(l => l.ShortCode == link.ShortCode, cancellationToken))
        {
            return false;
        }

        return await TryInsertAsync(db, link, cancellationToken);
    }

    private static async Task<bool> SaveGeneratedAsync(
        AppDbContext db, ShortLink link, ShortCodeAllocator allocator, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxGeneratedAttempts; attempt++)
        {
            link.ShortCode = await allocator.NextCodeAsync(cancellationToken);
            if (await TryInsertAsync(db, link, cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"No free generated code after {MaxGeneratedAttempts} ids; is the code key shared with another database?");
    }

    private static async Task<bool> TryInsertAsync(AppDbContext db, ShortLink link, CancellationToken cancellationToken)
    {
        db.Links.Add(link);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(link).State = EntityState.Detached;
            link.Id = 0;
            return false;
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed record ValidationFailure(ApiProblem Problem);
}
