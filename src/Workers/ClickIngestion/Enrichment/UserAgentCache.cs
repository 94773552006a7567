using System.Collections.Concurrent;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// A bounded cache of two generations. New entries go to the current generation; when it is full it becomes the
/// previous one and the old previous is dropped. An entry found in the previous generation moves back to the
/// current one, so the user agents that keep coming survive a rotation and only the ones not seen for a whole
/// generation are parsed again. Unlike "clear when full" there is no moment where every lookup misses at once.
/// </summary>
internal sealed class UserAgentCache<TValue>(int generationCapacity)
{
    private readonly Lock _rotation = new();
    private volatile Generation _current = new();
    private volatile Generation _previous = new();

    /// <summary>At most this many entries are held (two generations).</summary>
    public int Capacity => generationCapacity * 2;

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        var current = _current;
        if (current.Entries.TryGetValue(key, out var value))
        {
            return value;
        }

        if (!_previous.Entries.TryGetValue(key, out value))
        {
            value = create(key);
        }

        Add(current, key, value);
        return value;
    }

    private void Add(Generation current, string key, TValue value)
    {
        if (Volatile.Read(ref current.Count) >= generationCapacity)
        {
            lock (_rotation)
            {
                // Another thread may have rotated already; only the thread that still sees the full one rotates.
                if (ReferenceEquals(current, _current))
                {
                    _previous = current;
                    _current = new Generation();
                }

                current = _current;
            }
        }

        // A racing add may push a generation a few entries past its capacity; the bound stays approximate but firm.
        if (current.Entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref current.Count);
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Entries = new(StringComparer.Ordinal);
        public int Count;
    }
}
