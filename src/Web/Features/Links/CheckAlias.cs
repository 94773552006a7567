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
        var (availability, problem) = await CheckAsync(alias, db, aliases, cancellationToken);
        return problem is null ? ApiResults.Ok(availability!) : ApiResults.Error(problem);
    }

    /// <summary>The use case without HTTP, shared by the endpoint and the dashboard's server-side client.</summary>
    public static async Task<(AliasAvailability? Availability, ApiProblem? Problem)> CheckAsync(
        string alias, AppDbContext db, AliasPolicy aliases, CancellationToken cancellationToken)
    {
        if (aliases.Check(alias) is { } problem)
        {
            return (null, problem);
        }

        var taken = await db.Links.AnyAsync(l => l.ShortCode == alias, cancellationToken);
        return (new AliasAvailability(alias, !taken), null);
    }
}
