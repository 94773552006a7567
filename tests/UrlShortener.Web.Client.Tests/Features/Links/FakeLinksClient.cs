using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;

namespace UrlShortener.Web.Client.Tests.Features.Links;

internal sealed class FakeLinksClient : ILinksClient
{
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
        var now = new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);
        return Task.FromResult(ApiResult<ShortenedLink>.Success(
            new ShortenedLink($"https://sho.rt/{code}", code, request.LongUrl!, now, request.ExpiresAt, request.RedirectType ?? 302)));
    }

    public Task<ApiResult<AliasAvailability>> CheckAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        Task.FromResult(alias == "admin"
            ? ApiResult<AliasAvailability>.Failure(ErrorCodes.ReservedAlias, "'admin' is reserved by the service; choose another alias.")
            : ApiResult<AliasAvailability>.Success(new AliasAvailability(alias, !TakenAliases.Contains(alias))));
}
