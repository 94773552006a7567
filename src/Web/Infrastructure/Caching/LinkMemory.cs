using System.Collections.Concurrent;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Infrastructure.Caching;

/// <summary>
/// The redirect's L1: links kept in this process, bounded by count, least recently used out first. It replaces
/// FusionCache's memory level (MemoryCache entry, FusionCache entry and metadata: about 320 bytes a link) with a
/// dictionary node and one small entry (about 100 bytes a link beyond the link itself), so that a million links
/// fit in the memory the issue allows. "No such code" answers live in a second, smaller space of their own, so that
/// a scan of random codes can never push real links out.
/// </summary>
/// <remarks>
/// A hit is a dictionary read plus, at most once a millisecond per link, a write of its last use. Going over the
/// bound starts one compaction in the background: it samples the last uses, picks the cut that drops about a tenth
/// of the entries and removes everything used before it, so the cost is O(n) once per n/10 inserts.
/// </remarks>
public sealed class LinkMemory
{
    private const double CompactionShare = 0.1;
    private const int Samples = 4096;

    private readonly Space _links;
    private readonly Space _missing;
    private readonly TimeProvider _time;

    public LinkMemory(int maxLinks, int maxMissing, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLinks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMissing, 1);
        _links = new Space(maxLinks);
        _missing = new Space(maxMissing);
        _time = time;
    }

    public int Count => _links.Count + _missing.Count;

    /// <summary>
    /// Finds a code. <paramref name="fresh"/> says whether it is still within the lifetime it was stored with; a
    /// stale link is still returned, as the fail-safe value should the reload fail. A stale "no such code" is not.
    /// </summary>
    public bool TryGet(string code, out CachedLink link, out bool fresh)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (_links.TryGet(code, now, out var entry) || _missing.TryGet(code, now, out entry))
        {
            fresh = now < entry.FreshUntil;
            if (fresh || entry.Link.Exists)
            {
                link = entry.Link;
                return true;
            }
        }

        link = CachedLink.Missing;
        fresh = false;
        return false;
    }

    /// <summary>Stores an answer for <paramref name="freshFor"/>; a link and a "no such code" replace each other.</summary>
    public void Set(string code, CachedLink link, TimeSpan freshFor)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var entry = new Entry(link, now + freshFor.Ticks, now);
        if (link.Exists)
        {
            _links.Set(code, entry);
            _missing.Remove(code);
        }
        else
        {
            _missing.Set(code, entry);
            _links.Remove(code);
        }
    }

    public void Remove(string code)
    {
        _links.Remove(code);
        _missing.Remove(code);
    }

    /// <summary>Runs a due compaction now, after any that is running in the background (tests).</summary>
    internal void CompactNow()
    {
        _links.CompactExclusively();
        _missing.CompactExclusively();
    }

    private sealed class Entry(CachedLink link, long freshUntil, long lastUsed)
    {
        public CachedLink Link { get; } = link;

        public long FreshUntil { get; } = freshUntil;

        // Written by every hit at most once a millisecond: a plain store, so racing readers may see an older value.
        public long LastUsed = lastUsed;
    }

    private sealed class Space(int capacity)
    {
        private static readonly long UseResolution = TimeSpan.TicksPerMillisecond;

        private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

        // ConcurrentDictionary.Count takes every lock; this one is kept by the adds and removes below.
        private int _count;
        private int _compacting;

        public int Count => Volatile.Read(ref _count);

        public bool TryGet(string code, long now, out Entry entry)
        {
            if (!_entries.TryGetValue(code, out entry!))
            {
                return false;
            }

            if (now - entry.LastUsed >= UseResolution)
            {
                entry.LastUsed = now;
            }

            return true;
        }

        public void Set(string code, Entry entry)
        {
            while (true)
            {
                if (_entries.TryGetValue(code, out var current))
                {
                    if (_entries.TryUpdate(code, entry, current))
                    {
                        return;
                    }
                }
                else if (_entries.TryAdd(code, entry))
                {
                    if (Interlocked.Increment(ref _count) > capacity && Interlocked.CompareExchange(ref _compacting, 1, 0) == 0)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(static space => space.CompactAndRelease(), this, preferLocal: false);
                    }

                    return;
                }
            }
        }

        public void Remove(string code)
        {
            if (_entries.TryRemove(code, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        /// <summary>Waits for a background compaction to finish, then compacts: two at once would each remove a tenth.</summary>
        public void CompactExclusively()
        {
            SpinWait.SpinUntil(() => Interlocked.CompareExchange(ref _compacting, 1, 0) == 0);
            try
            {
                Compact();
            }
            finally
            {
                Volatile.Write(ref _compacting, 0);
            }
        }

        private void Compact()
        {
            var excess = Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            // Down to 90 % of the bound, so that the next compaction is a tenth of the capacity away.
            var toRemove = excess + (int)(capacity * CompactionShare);
            var cut = CutFor(toRemove);
            foreach (var (code, entry) in _entries)
            {
                if (toRemove <= 0)
                {
                    break;
                }

                if (entry.LastUsed <= cut && _entries.TryRemove(new KeyValuePair<string, Entry>(code, entry)))
                {
                    Interlocked.Decrement(ref _count);
                    toRemove--;
                }
            }
        }

        private void CompactAndRelease()
        {
            try
            {
                Compact();
            }
            finally
            {
                Volatile.Write(ref _compacting, 0);
            }

            // Inserts that arrived while this ran may have gone over the bound again.
            if (Count > capacity && Interlocked.CompareExchange(ref _compacting, 1, 0) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static space => space.CompactAndRelease(), this, preferLocal: false);
            }
        }

        /// <summary>The last-use time below which about <paramref name="toRemove"/> entries lie, from an even sample.</summary>
        private long CutFor(int toRemove)
        {
            var count = Math.Max(1, Count);
            var stride = Math.Max(1, count / Samples);
            var sample = new List<long>(Math.Min(count, Samples) + 1);
            var i = 0;
            foreach (var (_, entry) in _entries)
            {
                if (i++ % stride == 0)
                {
                    sample.Add(entry.LastUsed);
                }
            }

            if (sample.Count == 0)
            {
                return long.MinValue;
            }

            sample.Sort();
            var share = Math.Min(1.0, (double)toRemove / count);
            return sample[Math.Min(sample.Count - 1, (int)(share * sample.Count))];
        }
    }
}
