namespace UrlShortener.Bench.LoadGen;

/// <summary>What <c>rate</c>, <c>post</c> and <c>max</c> print: one JSON object on stdout.</summary>
public sealed record LoadResult(
    string Mode,
    string Target,
    double? TargetRate,
    double DurationS,
    long Sent,
    long Completed,
    long Errors,
    double AchievedRate,
    Dictionary<string, long> Status,
    LatencySummary LatencyMs,
    double MaxDispatchLagMs,
    string[] ErrorSamples);

