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
    private readonly ILinkLookup _lookup;
    private readonly RedirectMetrics _metrics;
    private readonly TimeSpan _negativeDuration;
    private readonly FusionCacheEntryOptions _memoryOnly;
    private readonly FusionCacheEntryOptions _write;
    private readonly FusionCacheEntryOptions _writeMissing;

    public FusionLinkCache(IFusionCache cache, ILinkLookup lookup, RedirectMetrics metrics, IOptions<LinkCacheOptions> options)
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
        _write = cache.CreateEntryOptions(o => o.SkipBackplaneNotifications = false);
        _writeMissing = cache.CreateEntryOptions(o =>
        {
            MakeNegative(o);
            o.SkipBackplaneNotifications = false;
        });

        // L2 hits are only visible from inside FusionCache; the handler runs off the request path.
        cache.Events.Distributed.Hit += (_, _) => _metrics.L2Hit();
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
        _cache.SetAsync(shortCode, link, link.Exists ? _write : _writeMissing, token: cancellationToken);

    public ValueTask InvalidateAsync(string shortCode, CancellationToken cancellationToken) =>
        _cache.RemoveAsync(shortCode, _write, cancellationToken);

    private async ValueTask<CachedLink> LoadAsync(string shortCode, CancellationToken cancellationToken)
    {
        return await _cache.GetOrSetAsync<CachedLink>(
            shortCode,
            async (context, token) =>
            {
                _metrics.Miss();
                var found = await _lookup.FindAsync(shortCode, token);
                if (!found.Exists)
                {
                    MakeNegative(context.Options);
                }

                return found;
            },
            token: cancellationToken);
    }

    /// <summary>
    /// "No such code" is kept briefly and in this instance's memory only: scanners probing random codes must not
    /// fill Redis or push real links out of L1, and a lookup racing the creation of that very alias can only
    /// hide it here, for <see cref="LinkCacheOptions.NegativeDuration"/> at most.
    /// </summary>
    private void MakeNegative(FusionCacheEntryOptions options)
    {
        options.Duration = _negativeDuration;
        options.IsFailSafeEnabled = false;
        options.SkipDistributedCacheWrite = true;
        options.Priority = Microsoft.Extensions.Caching.Memory.CacheItemPriority.Low;
    }
}
