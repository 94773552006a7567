using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Links;

/// <summary>Decides whether a requested custom alias may be used at all (availability is the database's call).</summary>
public sealed class AliasPolicy(ReservedAliases reserved)
{
    public bool IsReserved(string code) => reserved.Contains(code);

    public ApiProblem? Check(string alias)
    {
        if (!AliasRules.IsWellFormed(alias))
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidAlias,
                $"A custom alias has {AliasRules.MinLength}-{AliasRules.MaxLength} characters: letters, digits and hyphens, "
                + "not starting or ending with a hyphen.");
        }

        return IsReserved(alias)
            ? ApiProblem.BadRequest(ErrorCodes.ReservedAlias, $"'{alias}' is reserved by the service; choose another alias.")
            : null;
    }
}
