using System.Globalization;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Tests.Features.Links;

/// <summary>An in-memory account's links, answering like the API (search, sort, paging, disable, delete).</summary>
internal sealed class FakeLinksClient : ILinksClient
{
    public HashSet<string> TakenAliases { get; } = new(StringComparer.Ordinal);

    public ApiError? ShortenError { get; set; }

    public List<ShortenRequest> Shortened { get; } = [];

    public List<MyLink> Mine { get; } = [];

    public List<MyLinksQuery> Queries { get; } = [];

    public List<string> Deleted { get; } = [];

    public List<(string Code, bool Active)> Toggled { get; } = [];

    /// <summary>Adds <paramref name="count"/> links: code-01 … with 10 × n clicks, one day apart, newest last.</summary>
    public void AddLinks(int count)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= count; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"code-{n:00}");
            Mine.Add(new MyLink(code, $"https://example.com/page/{n}", n * 10L, start.AddDays(n), $"https://sho.rt/{code}", null, LinkStatus.Active));
        }
    }

    public Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default)
    {
        Shortened.Add(request);
        if (ShortenError is { } error)
        {
            return Task.FromResult(ApiResult<ShortenedLink>.Failure(error));
        }

        var code = request.CustomAlias ?? "aZ3kQ9";
        var now = new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);
        return Task.FromResult(ApiResult<ShortenedLink>.Success(
            new ShortenedLink($"https://sho.rt/{code}", code, request.LongUrl!, now, request.ExpiresAt, request.RedirectType ?? 302)));
    }

    public Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        Task.FromResult(alias == "admin"
            ? ApiResult<AliasAvailability>.Failure(ErrorCodes.ReservedAlias, "'admin' is reserved by the service; choose another alias.")
            : ApiResult<AliasAvailability>.Success(new AliasAvailability(alias, !TakenAliases.Contains(alias))));

    public Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        var found = Mine.Where(l => query.Search is null
            || l.ShortCode.Contains(query.Search, StringComparison.OrdinalIgnoreCase)
            || l.LongUrl.Contains(query.Search, StringComparison.OrdinalIgnoreCase));
        Func<MyLink, object?> key = query.Sort switch
        {
            MyLinksSort.Clicks => l => l.Clicks,
            MyLinksSort.ShortCode => l => l.ShortCode,
            MyLinksSort.LongUrl => l => l.LongUrl,
            MyLinksSort.ExpiresAt => l => l.ExpiresAt,
            _ => l => l.CreatedAt,
        };
        var sorted = (query.Descending ? found.OrderByDescending(key) : found.OrderBy(key)).ToList();
        var page = sorted.Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToList();
        return Task.FromResult(ApiResult<MyLinksPage>.Success(new MyLinksPage(page, new Pagination(query.Page, query.Limit, sorted.Count))));
    }

    public Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(Mine.FirstOrDefault(l => l.ShortCode == shortCode) is { } link
            ? ApiResult<LinkInfo>.Success(Info(link))
            : ApiResult<LinkInfo>.Failure(ErrorCodes.NotFound, $"No short link '{shortCode}' exists."));

    public Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default)
    {
        Toggled.Add((shortCode, isActive));
        var index = Mine.FindIndex(l => l.ShortCode == shortCode);
        if (index < 0)
        {
            return Task.FromResult(ApiResult<LinkInfo>.Failure(ErrorCodes.NotFound, $"No short link '{shortCode}' exists."));
        }

        Mine[index] = Mine[index] with { Status = isActive ? LinkStatus.Active : LinkStatus.Disabled };
        return Task.FromResult(ApiResult<LinkInfo>.Success(Info(Mine[index])));
    }

    public Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default)
    {
        Deleted.Add(shortCode);
        return Task.FromResult(Mine.RemoveAll(l => l.ShortCode == shortCode) > 0
            ? ApiResult<DeletedLink>.Success(new DeletedLink(shortCode, true))
            : ApiResult<DeletedLink>.Failure(ErrorCodes.NotFound, $"No short link '{shortCode}' exists."));
    }

    private static LinkInfo Info(MyLink link) =>
        new(link.ShortCode, link.ShortUrl, link.LongUrl, link.CreatedAt, link.ExpiresAt, link.Clicks, link.Status == LinkStatus.Active, true, 302, link.Status);
}
