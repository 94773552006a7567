using System.Security.Claims;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary><c>POST /api/v1/users/me/api-keys</c>: the answer is the only place the key ever appears.</summary>
public static class CreateApiKey
{
    public static async Task<IResult> HandleAsync(
        JsonBody<CreateApiKeyRequest> body,
        ClaimsPrincipal user,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return ApiResults.Error(problem);
        }

        var name = body.Value!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyConfiguration.NameMaxLength)
        {
            return ApiResults.BadRequest(ErrorCodes.ValidationFailed,
                $"name is required: 1 to {ApiKeyConfiguration.NameMaxLength} characters that tell you where the key is used.");
        }

        var (key, secret) = ApiKeyIssuer.Add(db, user.UserId()!.Value, name, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(ApiRoutes.MyApiKeyFor(key.Id), ApiKeyIssuer.Shown(key, secret));
    }
}
