using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary><see cref="IApiKeysClient"/> for server-rendered components: the use cases in-process, as the signed-in user.</summary>
public sealed class ServerApiKeysClient(
    IDbContextFactory<AppDbContext> contexts,
    AuthenticationStateProvider authentication,
    TimeProvider time) : IApiKeysClient
{
    private const string SignInFirst = "Sign in to manage API keys.";

    public async Task<ApiResult<IReadOnlyList<ApiKeySummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId)
        {
            return ApiResult<IReadOnlyList<ApiKeySummary>>.Failure(ErrorCodes.Unauthorized, SignInFirst);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ApiResult<IReadOnlyList<ApiKeySummary>>.Success(await ListApiKeys.ListAsync(userId, db, cancellationToken));
    }

    public async Task<ApiResult<CreatedApiKey>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId)
        {
            return ApiResult<CreatedApiKey>.Failure(ErrorCodes.Unauthorized, SignInFirst);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (key, problem) = await CreateApiKey.CreateAsync(userId, name, db, time, cancellationToken);
        return problem is null ? ApiResult<CreatedApiKey>.Success(key!) : ApiResult<CreatedApiKey>.Failure(problem.Code, problem.Message);
    }

    public async Task<ApiResult<bool>> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId)
        {
            return ApiResult<bool>.Failure(ErrorCodes.Unauthorized, SignInFirst);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RevokeApiKey.RevokeAsync(userId, id, db, time, cancellationToken)
            ? ApiResult<bool>.Success(true)
            : ApiResult<bool>.Failure(ErrorCodes.NotFound, RevokeApiKey.NotFoundMessage(id));
    }

    private async Task<long?> UserIdAsync() => (await authentication.CurrentAsync()).UserId();
}
