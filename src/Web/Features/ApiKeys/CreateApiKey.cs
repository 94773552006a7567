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
        if (body.Problem is { } bodyProblem)
        {
            return ApiResults.Error(bodyProblem);
        }

        var (created, problem) = await CreateAsync(user.UserId()!.Value, body.Value!.Name, db, time, cancellationToken);
        return problem is null ? ApiResults.Created(ApiRoutes.MyApiKeyFor(created!.Id), created) : ApiResults.Error(problem);
    }

    public static async Task<(CreatedApiKey? Key, ApiProblem? Problem)> CreateAsync(
        long userId, string? nameText, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = nameText?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyConfiguration.NameMaxLength)
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.ValidationFailed,
                $"name is required: 1 to {ApiKeyConfiguration.NameMaxLength} characters that tell you where the key is used."));
        }

        var (key, secret) = ApiKeyIssuer.Add(db, userId, name, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (ApiKeyIssuer.Shown(key, secret), null);
    }
}
