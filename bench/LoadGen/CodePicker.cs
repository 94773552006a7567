using System.Globalization;

namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// Which code each request asks for, from <c>--codes</c>:
/// <c>single:CODE</c>, <c>list:FILE</c> (uniform over the file's lines), <c>zipf:S:N</c> (over the first N seeded
/// codes) or <c>cold:START:COUNT</c> (seeded codes in order, each once; <see cref="Exhausted"/> after the last).
/// Thread-safe: the closed-loop runner calls it from many tasks at once.
/// </summary>
public sealed class CodePicker
{
    private readonly Lock _lock = new();
    private readonly Random _random = new(7);
    private readonly string? _single;
    private readonly string[]? _list;
    private readonly ZipfSampler? _zipf;
    private readonly long _coldStart;
    private readonly long _coldCount;
    private long _coldNext;

    private CodePicker(string? single, string[]? list, ZipfSampler? zipf, long coldStart, long coldCount)
    {
        _single = single;
        _list = list;
        _zipf = zipf;
        _coldStart = coldStart;
        _coldCount = coldCount;
    }

    /// <summary>True once a cold picker has handed out every code of its range; it then starts over.</summary>
    public bool Exhausted { get; private set; }

    public string Describe { get; private init; } = "";

    public static CodePicker Parse(string spec)
    {
        var parts = spec.Split(':');
        return parts[0] switch
        {
            "single" when parts.Length == 2 => new CodePicker(parts[1], null, null, 0, 0) { Describe = spec },
            "list" when parts.Length == 2 => new CodePicker(null, File.ReadAllLines(parts[1]).Where(l => l.Length > 0).ToArray(), null, 0, 0)
            {
                Describe = spec,
            },
            "zipf" when parts.Length == 3 => new CodePicker(
                null, null, new ZipfSampler(int.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)), 0, 0)
            {
                Describe = spec,
            },
            "cold" when parts.Length == 3 => new CodePicker(
                null, null, null, long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture))
            {
                Describe = spec,
            },
            _ => throw new ArgumentException($"--codes '{spec}': expected single:CODE, list:FILE, zipf:S:N or cold:START:COUNT"),
        };
    }

    public string Next()
    {
        if (_single is not null)
        {
            return _single;
        }

        lock (_lock)
        {
            if (_list is not null)
            {
                return _list[_random.Next(_list.Length)];
            }

            if (_zipf is not null)
            {
                return SeedSet.Code(_zipf.Next(_random));
            }

            if (_coldNext == _coldCount)
            {
                Exhausted = true;
                _coldNext = 0;
            }

            return SeedSet.Code(_coldStart + _coldNext++);
        }
    }

    /// <summary>For closed-loop "each code once" runs: the next code, or null when the range is done.</summary>
    public string? NextOnce()
    {
        lock (_lock)
        {
            if (_coldCount == 0)
            {
                throw new InvalidOperationException("only cold:START:COUNT can be walked once");
            }

            return _coldNext < _coldCount ? SeedSet.Code(_coldStart + _coldNext++) : null;
        }
    }
}
