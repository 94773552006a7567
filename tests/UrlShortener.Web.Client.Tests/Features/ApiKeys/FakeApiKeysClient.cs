using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;

namespace UrlShortener.Web.Client.Tests.Features.ApiKeys;

internal sealed class FakeApiKeysClient : IApiKeysClient
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    public List<ApiKeySummary> Keys { get; } = [];

    public Task<ApiResult<IReadOnlyList<ApiKeySummary>>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ApiResult<IReadOnlyList<ApiKeySummary>>.Success([.. Keys]));

    public Task<ApiResult<CreatedApiKey>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var id = Keys.Count + 1L;
        var secret = $"sk_test{id}secretsecretsecretsecret";
        Keys.Insert(0, new ApiKeySummary(id, name, secret[..11], Now, null, false));
        return Task.FromResult(ApiResult<CreatedApiKey>.Success(new CreatedApiKey(id, name, secret[..11], secret, Now)));
    }

    public Task<ApiResult<bool>> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        var index = Keys.FindIndex(k => k.Id == id);
        Keys[index] = Keys[index] with { Revoked = true };
        return Task.FromResult(ApiResult<bool>.Success(true));
    }
}
