using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.Analytics;

/// <summary><see cref="IAnalyticsClient"/> for server-rendered components: the use case in-process, as the signed-in user.</summary>
public sealed class ServerAnalyticsClient(
    IDbContextFactory<AppDbContext> contexts,
    AuthenticationStateProvider authentication,
    TimeProvider time) : IAnalyticsClient
{
    public async Task<ApiResult<LinkAnalytics>> GetAsync(
        string shortCode, DateOnly start, DateOnly end, string groupBy = "day", CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (analytics, problem) = await GetLinkAnalytics.QueryAsync(
            shortCode,
            start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            groupBy,
            await authentication.CurrentAsync(),
            db,
            time,
            cancellationToken);
        return problem is null ? ApiResult<LinkAnalytics>.Success(analytics!) : ApiResult<LinkAnalytics>.Failure(problem.Code, problem.Message);
    }
}
