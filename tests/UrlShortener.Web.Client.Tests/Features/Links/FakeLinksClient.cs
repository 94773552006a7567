using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Tests.Features.Links;

/// <summary>An in-memory stand-in for the API: links shortened through it are "mine" and can be listed, switched and deleted.</summary>
internal sealed class FakeLinksClient : ILinksClient
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    private readonly List<MyLink> _mine = [];

    public HashSet<string> TakenAliases { get; } = new(StringComparer.Ordinal);

    public ApiError? ShortenError { get; set; }

    public List<ShortenRequest> Shortened { get; } = [];

    public Task<ApiResult<ShortenedLink>> ShortenAsync(ShortenRequest request, CancellationToken cancellationToken = default)
    {
        Shortened.Add(request);
        if (ShortenError is { } error)
        {
            return Task.FromResult(ApiResult<ShortenedLink>.Failure(error));
        }

        var code = request.CustomAlias ?? "aZ3kQ9";
        var link = new ShortenedLink($"https://sho.rt/{code}", code, request.LongUrl!, Now, request.ExpiresAt, request.RedirectType ?? 302);
        _mine.RemoveAll(l => l.ShortCode == code);
        _mine.Add(new MyLink(code, link.LongUrl, 0, Now, link.ShortUrl, link.ExpiresAt, LinkStatus.Active));
        return Task.FromResult(ApiResult<ShortenedLink>.Success(link));
    }

    public Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        Task.FromResult(alias == "admin"
            ? ApiResult<AliasAvailability>.Failure(ErrorCodes.ReservedAlias, "'admin' is reserved by the service; choose another alias.")
            : ApiResult<AliasAvailability>.Success(new AliasAvailability(alias, !TakenAliases.Contains(alias))));

    public Task<ApiResult<MyLinksPage>> ListMineAsync(MyLinksQuery query, CancellationToken cancellationToken = default)
    {
        var found = _mine
            .Where(l => string.IsNullOrWhiteSpace(query.Search)
                || l.ShortCode.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase)
                || l.LongUrl.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = found.Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToList();
        return Task.FromResult(ApiResult<MyLinksPage>.Success(new MyLinksPage(page, new Pagination(query.Page, query.Limit, found.Count))));
    }

    public Task<ApiResult<LinkInfo>> GetInfoAsync(string shortCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(shortCode) is { } link ? ApiResult<LinkInfo>.Success(Describe(link)) : NotFound<LinkInfo>(shortCode));

    public Task<ApiResult<LinkInfo>> SetActiveAsync(string shortCode, bool isActive, CancellationToken cancellationToken = default)
    {
        if (Find(shortCode) is not { } link)
        {
            return Task.FromResult(NotFound<LinkInfo>(shortCode));
        }

        var changed = link with { Status = isActive ? LinkStatus.Active : LinkStatus.Disabled };
        _mine[_mine.IndexOf(link)] = changed;
        return Task.FromResult(ApiResult<LinkInfo>.Success(Describe(changed)));
    }

    public Task<ApiResult<DeletedLink>> DeleteAsync(string shortCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(_mine.RemoveAll(l => l.ShortCode == shortCode) > 0
            ? ApiResult<DeletedLink>.Success(new DeletedLink(shortCode, Deleted: true))
            : NotFound<DeletedLink>(shortCode));

    private MyLink? Find(string shortCode) => _mine.Find(l => l.ShortCode == shortCode);

    private static LinkInfo Describe(MyLink link) => new(
        link.ShortCode, link.ShortUrl, link.LongUrl, link.CreatedAt, link.ExpiresAt, link.Clicks,
        IsActive: link.Status == LinkStatus.Active, IsCustom: link.ShortCode != "aZ3kQ9", RedirectType: 302, link.Status);

    private static ApiResult<T> NotFound<T>(string shortCode) =>
        ApiResult<T>.Failure(ErrorCodes.NotFound, $"No short link '{shortCode}' exists.");
}
