using System.Diagnostics;
using HdrHistogram;

namespace UrlShortener.Bench.LoadGen;

/// <summary>Latencies (microseconds, 3 significant digits), status codes and errors of one run, from any thread.</summary>
public sealed class Recorder
{
    private const int MaxErrorSamples = 5;

    private readonly Lock _lock = new();
    private readonly LongHistogram _histogram = new(TimeSpan.FromMinutes(2).Ticks / 10, 3);
    private readonly Dictionary<int, long> _statuses = [];
    private readonly List<string> _errorSamples = [];
    private long _errors;
    private long _lastCompletion;

    public void Record(long elapsedTicks, int status, long completedAt)
    {
        var micros = Math.Max(1, elapsedTicks * 1_000_000 / Stopwatch.Frequency);
        lock (_lock)
        {
            _histogram.RecordValue(Math.Min(micros, _histogram.HighestTrackableValue));
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            _lastCompletion = Math.Max(_lastCompletion, completedAt);
        }
    }

    public void Error(Exception exception, long completedAt)
    {
        lock (_lock)
        {
            _errors++;
            _lastCompletion = Math.Max(_lastCompletion, completedAt);
            if (_errorSamples.Count < MaxErrorSamples)
            {
                _errorSamples.Add($"{exception.GetType().Name}: {exception.GetBaseException().Message}");
            }
        }
    }

    public LoadResult Result(string mode, string target, double? targetRate, long sent, long startedAt, double maxDispatchLagMs)
    {
        lock (_lock)
        {
            var completed = _histogram.TotalCount;
            var seconds = Math.Max(1e-9, (_lastCompletion - startedAt) / (double)Stopwatch.Frequency);
            double Ms(double percentile) => _histogram.TotalCount == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;
            return new LoadResult(
                mode,
                target,
                targetRate,
                Math.Round(seconds, 3),
                sent,
                completed,
                _errors,
                Math.Round(completed / seconds, 1),
                _statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
                new LatencySummary(
                    Ms(50), Ms(90), Ms(95), Ms(99), Ms(99.9),
                    completed == 0 ? 0 : _histogram.GetMaxValue() / 1000.0,
                    completed == 0 ? 0 : Math.Round(_histogram.GetMean() / 1000.0, 3)),
                Math.Round(maxDispatchLagMs, 3),
                [.. _errorSamples]);
        }
    }
}
