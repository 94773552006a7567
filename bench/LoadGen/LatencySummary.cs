namespace UrlShortener.Bench.LoadGen;

/// <summary>Milliseconds; for open-loop runs measured from each request's intended send time.</summary>
public sealed record LatencySummary(double P50, double P90, double P95, double P99, double P999, double Max, double Mean);
