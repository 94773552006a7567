using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UrlShortener.Web.Features.Redirects;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane;

namespace UrlShortener.Web.Infrastructure.Caching;

/// <summary>
/// <see cref="ILinkCache"/>: <see cref="LinkMemory"/> as L1, FusionCache for the rest: Redis L2 with timeouts and
/// a circuit breaker, the backplane that tells every instance about changes, and fail-safe (a known link keeps
/// redirecting from its last good value while the database is unreachable). FusionCache's own memory level is
/// skipped (ADR 12): the L1 here is several times smaller per link.
/// </summary>
public sealed class FusionLinkCache : ILinkCache
{
    private readonly IFusionCache _cache;
    private readonly LinkMemory _memory;
    private readonly ILinkLookup _lookup;
    private readonly RedirectMetrics _metrics;
    private readonly LinkCacheOptions _options;
    private readonly FusionCacheEntryOptions _write;
    private readonly FusionCacheEntryOptions _writeMissing;

    // How long a stale link served by the fail-safe is used before the database is tried again.
    private readonly TimeSpan _failSafeThrottle;

    // One load per code at a time in this instance, however many requests miss it together.
    private readonly ConcurrentDictionary<string, Task<CachedLink>> _loading = new(StringComparer.Ordinal);

    // Changes seen per stripe of codes (local writes and backplane messages). A load that a change overtook must not
    // put what it read into memory: it may be the value the change replaced.
    private const int ChangeStripes = 1024;
    private readonly long[] _changes = new long[ChangeStripes];

    public FusionLinkCache(IFusionCache cache, LinkMemory memory, ILinkLookup lookup, RedirectMetrics metrics, IOptions<LinkCacheOptions> options)
    {
        _cache = cache;
        _memory = memory;
        _lookup = lookup;
        _metrics = metrics;
        _options = options.Value;
        _failSafeThrottle = cache.DefaultEntryOptions.FailSafeThrottleDuration;
        // A change reaches Redis before the notice goes out, so that another instance reloading on the notice reads
        // the new value, not the one being replaced.
        _write = cache.CreateEntryOptions(o =>
        {
            o.SkipBackplaneNotifications = false;
            o.AllowBackgroundDistributedCacheOperations = false;
        });
        _writeMissing = cache.CreateEntryOptions(o =>
        {
            MakeNegative(o);
            o.SkipBackplaneNotifications = false;
            o.AllowBackgroundDistributedCacheOperations = false;
        });

        // L2 hits are only visible from inside FusionCache; the handler runs off the request path.
        cache.Events.Distributed.Hit += (_, _) => _metrics.L2Hit();
        // Another instance changed or removed a code: drop this instance's copy, the next request reloads it.
        cache.Events.Backplane.MessageReceived += (_, e) => OnChangeElsewhere(e.Message);
    }

    public ValueTask<CachedLink> GetAsync(string shortCode, CancellationToken cancellationToken)
    {
        // The L1 probe is synchronous and allocation-free; only a miss pays for the async machinery below.
        if (_memory.TryGet(shortCode, out var link, out var fresh) && fresh)
        {
            _metrics.L1Hit();
            return ValueTask.FromResult(link);
        }

        return new ValueTask<CachedLink>(LoadOnceAsync(shortCode, link.Exists ? link : null, cancellationToken));
    }

    public async ValueTask SetAsync(string shortCode, CachedLink link, CancellationToken cancellationToken)
    {
        NoteChange(shortCode);
        _memory.Set(shortCode, link, link.Exists ? _options.Duration : _options.NegativeDuration);
        await _cache.SetAsync(shortCode, link, link.Exists ? _write : _writeMissing, token: cancellationToken);
    }

    public async ValueTask InvalidateAsync(string shortCode, CancellationToken cancellationToken)
    {
        NoteChange(shortCode);
        _memory.Remove(shortCode);
        await _cache.RemoveAsync(shortCode, _write, cancellationToken);
    }

    private Task<CachedLink> LoadOnceAsync(string shortCode, CachedLink? stale, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<CachedLink>(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = _loading.GetOrAdd(shortCode, mine.Task);
        if (load == mine.Task)
        {
            // Not the first caller's token: the others wait on the same load. FusionCache's timeouts bound it.
            _ = CompleteLoadAsync(shortCode, stale, mine);
        }

        return load.WaitAsync(cancellationToken);
    }

    private async Task CompleteLoadAsync(string shortCode, CachedLink? stale, TaskCompletionSource<CachedLink> completion)
    {
        try
        {
            var changes = ChangesOf(shortCode);
            var link = await LoadAsync(shortCode, stale);
            var freshFor = !link.Exists ? _options.NegativeDuration
                // The fail-safe answered with the stale copy: try the database again after the throttle, not in a day.
                : ReferenceEquals(link, stale) ? _failSafeThrottle
                : _options.Duration;
            if (ChangesOf(shortCode) == changes)
            {
                _memory.Set(shortCode, link, freshFor);
                // A change noted between the check and the store removed nothing yet to be stored: undo the store.
                if (ChangesOf(shortCode) != changes)
                {
                    _memory.Remove(shortCode);
                }
            }

            completion.SetResult(link);
        }
        catch (Exception ex)
        {
            completion.SetException(ex);
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Task<CachedLink>>(shortCode, completion.Task));
        }
    }

    private async Task<CachedLink> LoadAsync(string shortCode, CachedLink? stale)
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
            stale is null ? default : MaybeValue<CachedLink>.FromValue(stale),
            options: null,
            token: CancellationToken.None);
    }

    // Set, remove and expire all mean "this instance's copy is out of date"; tags and Clear are not used here.
    private void OnChangeElsewhere(BackplaneMessage message)
    {
        if (message.CacheKey is { } code)
        {
            NoteChange(code);
            _memory.Remove(code);
        }
    }

    // Noted before the memory is touched, so that a load checking afterwards cannot miss it.
    private void NoteChange(string code) => Interlocked.Increment(ref _changes[Stripe(code)]);

    private long ChangesOf(string code) => Volatile.Read(ref _changes[Stripe(code)]);

    private static int Stripe(string code) => (int)((uint)code.GetHashCode() % ChangeStripes);

    /// <summary>
    /// "No such code" is kept briefly and in this instance's memory only: scanners probing random codes must not
    /// fill Redis, and a lookup racing the creation of that very alias can only hide it here, for
    /// <see cref="LinkCacheOptions.NegativeDuration"/> at most.
    /// </summary>
    private void MakeNegative(FusionCacheEntryOptions options)
    {
        options.Duration = _options.NegativeDuration;
        options.IsFailSafeEnabled = false;
        options.SkipDistributedCacheWrite = true;
    }
}
