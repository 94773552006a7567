using Microsoft.Extensions.Options;
using UrlShortener.Web.Features.Redirects;
using ZiggyCreatures.Caching.Fusion;

namespace UrlShortener.Web.Infrastructure.Caching;

/// <summary>
/// <see cref="ILinkCache"/> on FusionCache: memory L1, optional Redis L2 and backplane, stampede protection
/// (one database query per code however many requests miss together) and fail-safe (a known link keeps
/// redirecting from its last good value while the database is unreachable).
/// </summary>
public sealed class FusionLinkCache : ILinkCache
{
    private readonly IFusionCache _cache;
    private readonly LinkLookup _lookup;
    private readonly RedirectMetrics _metrics;
    private readonly TimeSpan _negativeDuration;
    private readonly FusionCacheEntryOptions _memoryOnly;

    public FusionLinkCache(IFusionCache cache, LinkLookup lookup, RedirectMetrics metrics, IOptions<LinkCacheOptions> options)
    {
        _cache = cache;
        _lookup = lookup;
        _metrics = metrics;
        _negativeDuration = options.Value.NegativeDuration;
        _memoryOnly = cache.CreateEntryOptions(o =>
        {
            o.SkipDistributedCacheRead = true;
            o.SkipDistributedCacheWrite = true;
            o.SkipBackplaneNotifications = true;
        });
    }

    public ValueTask<CachedLink> GetAsync(string shortCode, CancellationToken cancellationToken)
    {
        // The L1 probe is synchronous and allocation-free; only a miss pays for the async machinery below.
        var local = _cache.TryGet<CachedLink>(shortCode, _memoryOnly, cancellationToken);
        if (local.HasValue)
        {
            _metrics.L1Hit();
            return ValueTask.FromResult(local.Value);
        }

        return LoadAsync(shortCode, cancellationToken);
    }

    public ValueTask SetAsync(string shortCode, CachedLink link, CancellationToken cancellationToken) =>
        _cache.SetAsync(shortCode, link, link.Exists ? null : NegativeOptions(), token: cancellationToken);

    public ValueTask InvalidateAsync(string shortCode, CancellationToken cancellationToken) =>
        _cache.RemoveAsync(shortCode, token: cancellationToken);

    private async ValueTask<CachedLink> LoadAsync(string shortCode, CancellationToken cancellationToken)
    {
        var queried = false;
        var link = await _cache.GetOrSetAsync<CachedLink>(
            shortCode,
            async (context, token) =>
            {
                queried = true;
                var found = await _lookup.FindAsync(shortCode, token);
                if (!found.Exists)
                {
                    context.Options.Duration = _negativeDuration;
                }

                return found;
            },
            token: cancellationToken);

        if (queried)
        {
            _metrics.Miss();
        }
        else
        {
            _metrics.L2Hit();
        }

        return link;
    }

    private FusionCacheEntryOptions NegativeOptions() => _cache.CreateEntryOptions(duration: _negativeDuration);
}
