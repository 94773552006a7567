using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Links;

/// <summary><c>GET /api/v1/available/{alias}</c>: the live hint behind the alias field.</summary>
public static class CheckAlias
{
    public static async Task<IResult> HandleAsync(string alias, AppDbContext db, AliasPolicy aliases, CancellationToken cancellationToken)
    {
        if (aliases.Check(alias) is { } problem)
        {
            return ApiResults.Error(problem);
        }

        var taken = await db.Links.AnyAsync(l => l.ShortCode == alias, cancellationToken);
        return ApiResults.Ok(new AliasAvailability(alias, !taken));
    }
}
