namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// One line of the suite's measurements file: a row of the table in one run. <see cref="Kind"/> is <c>max</c>
/// (wrk, as fast as it goes), <c>ref</c> (the same against the reference app), <c>open</c> (LoadGen at a fixed
/// rate) or <c>value</c> (numbers that are not a load run, such as memory). <see cref="Targets"/> are conditions
/// such as <c>ratio&gt;=0.7</c> or <c>p99&lt;20</c> over the row's metrics.
/// </summary>
public sealed record Measurement(
    int Run,
    string Scenario,
    string Row,
    string Kind,
    double? Rps,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    long? Errors,
    double? CpuCores,
    Dictionary<string, double> Values,
    string[] Targets,
    string? Note);
