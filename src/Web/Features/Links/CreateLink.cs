using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
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

        var outcome = await CreateAsync(
            body.Value!, RequestOrigin.Of(http), http.HttpContext.User.UserId(),
            db, allocator, aliases, shortUrls, cache, time, options.Value, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResults.Error(problem)
            : ApiResults.Created(ApiRoutes.UrlInfoFor(outcome.Link!.ShortCode), outcome.Link);
    }

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<LinkCreation> CreateAsync(
        ShortenRequest request,
        RequestOrigin origin,
        long? userId,
        AppDbContext db,
        ShortCodeAllocator allocator,
        AliasPolicy aliases,
        ShortUrls shortUrls,
        ILinkCache cache,
        TimeProvider time,
        ShortLinksOptions settings,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var verdict = DestinationValidator.Check(request.LongUrl, new DestinationRules(settings.AllowPrivateDestinations, shortUrls.OwnHosts(origin)));
        if (Validate(request, verdict, now, aliases) is { } problem)
        {
            return LinkCreation.Refused(problem);
        }

        var createdAt = TruncateToSeconds(now);
        var link = new ShortLink
        {
            ShortCode = request.CustomAlias ?? "",
            LongUrl = verdict.NormalizedUrl!,
            UserId = userId,
            CreatedAt = createdAt,
            ExpiresAt = request.ExpiresAt is { } requested ? TruncateToSeconds(requested) : DefaultExpiry(createdAt, settings),
            IsCustom = request.CustomAlias is not null,
            RedirectType = (short)(request.RedirectType ?? StatusCodes.Status302Found),
        };

        var saved = link.IsCustom
            ? await SaveAliasAsync(db, link, cancellationToken)
            : await SaveGeneratedAsync(db, link, allocator, aliases, cancellationToken);
        if (!saved)
        {
            return LinkCreation.Refused(new ApiProblem(StatusCodes.Status409Conflict, ErrorCodes.AliasTaken,
                $"Custom alias '{link.ShortCode}' is already taken"));
        }

        // Replaces a cached "not found" for this code on every instance and warms the cache for the first click.
        // Not cancellable: the row is committed, so the caches must hear of it even if the client has gone.
        await cache.SetAsync(link.ShortCode, link.ToCachedLink(), CancellationToken.None);

        return LinkCreation.Created(new ShortenedLink(
            shortUrls.For(origin, link.ShortCode), link.ShortCode, link.LongUrl, link.CreatedAt, link.ExpiresAt, link.RedirectType));
    }

    private static ApiProblem? Validate(ShortenRequest request, DestinationVerdict verdict, DateTimeOffset now, AliasPolicy aliases)
    {
        if (string.IsNullOrWhiteSpace(request.LongUrl))
        {
            return ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "long_url is required: the address the short link leads to.");
        }

        if (!verdict.IsAccepted)
        {
            return ApiProblem.BadRequest(verdict.ErrorCode!, verdict.Message!);
        }

        if (request.RedirectType is not (null or 301 or 302))
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidRedirectType, "redirect_type must be 301 (permanent) or 302 (temporary).");
        }

        // Compared as stored (whole seconds), so that a link can never be born expired.
        if (request.ExpiresAt is { } expiresAt && TruncateToSeconds(expiresAt) <= now)
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidExpiry, "expires_at must be in the future.");
        }

        if (request.ExpiresAt is { } far && far > now + MaxLifetime)
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidExpiry, "expires_at must be within 100 years.");
        }

        return request.CustomAlias is { } alias ? aliases.Check(alias) : null;
    }

    private static DateTimeOffset? DefaultExpiry(DateTimeOffset createdAt, ShortLinksOptions settings) =>
        settings.DefaultExpiryYears == 0 ? null : createdAt.AddYears(settings.DefaultExpiryYears);

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
        AppDbContext db, ShortLink link, ShortCodeAllocator allocator, AliasPolicy aliases, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxGeneratedAttempts; attempt++)
        {
            link.ShortCode = await allocator.NextCodeAsync(cancellationToken);
            // A generated code may spell a route or a reserved word ("logout", "Static"): skip it like a taken one.
            if (!aliases.IsReserved(link.ShortCode) && await TryInsertAsync(db, link, cancellationToken))
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
}
