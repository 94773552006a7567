using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// <c>report --in measurements.jsonl --out suite.json [--info key=text]…</c>: the median of each metric over the
/// runs, the ratio of each wrk row to the reference row of its scenario (per run, then the median), the targets
/// checked, a Markdown table on stdout and the whole of it as JSON.
/// </summary>
public static class ReportCommand
{
    // An open-loop row that could not even send at the rate asked for has not shown its latency at that rate.
    private const double MinShareOfAskedRate = 0.95;

    public static int Run(CommandLine options)
    {
        var input = options.Required("in");
        var output = options.Required("out");
        var info = options.All("info").Select(i => i.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        options.RejectUnknown();

        var measurements = File.ReadAllLines(input).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Measurement>(l, LoadCommand.Json)!)
            .ToList();
        AddRatios(measurements);

        var rows = new JsonArray();
        var table = new StringBuilder();
        table.AppendLine("| scenario | measurement | requests/s | p50 | p99 | errors | server CPU | target | result | notes |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|---|");
        int passed = 0, failed = 0;
        // Scenarios in their numbered order (they run in another: cold before anything is cached), rows as they ran.
        foreach (var group in measurements.GroupBy(m => (m.Scenario, m.Row)).OrderBy(g => g.Key.Scenario, StringComparer.Ordinal))
        {
            var runs = group.ToList();
            var first = runs[0];
            var metrics = Medians(runs);
            var targets = first.Targets.ToList();
            if (first.Kind == "open" && targets.Count > 0 && metrics.TryGetValue("target_rate", out var asked))
            {
                metrics["share_of_asked_rate"] = metrics.GetValueOrDefault("rps") / asked;
                targets.Add(string.Create(CultureInfo.InvariantCulture, $"share_of_asked_rate>={MinShareOfAskedRate}"));
            }

            var checks = targets.Select(t => TargetCheck.Evaluate(t, metrics)).ToList();
            bool? pass = checks.Count == 0 ? null : checks.All(c => c.Pass);
            if (pass == true)
            {
                passed++;
            }
            else if (pass == false)
            {
                failed++;
            }

            var notes = Notes(metrics, first.Note);
            var p50 = first.Kind == "open" && first.Scenario.Contains("analytics", StringComparison.Ordinal)
                ? $"{Ms(metrics, "p50")} (p95 {Ms(metrics, "p95")})"
                : Ms(metrics, "p50");
            table.Append(CultureInfo.InvariantCulture,
                $"| {first.Scenario} | {first.Row} | {Rps(metrics)} | {p50} | {Ms(metrics, "p99")} | {Count(metrics, "errors")} | {Cores(metrics)} | ");
            table.Append(CultureInfo.InvariantCulture,
                $"{string.Join(", ", first.Targets)} | {(pass is null ? "" : pass.Value ? "pass" : "**FAIL**")} | {notes} |\n");

            var row = new JsonObject
            {
                ["scenario"] = first.Scenario,
                ["row"] = first.Row,
                ["kind"] = first.Kind,
                ["median"] = new JsonObject(metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(Math.Round(m.Value, 4))))),
                ["targets"] = new JsonArray([.. checks.Select(c => (JsonNode?)new JsonObject
                {
                    ["target"] = c.Target,
                    ["value"] = c.Value,
                    ["pass"] = c.Pass,
                })]),
                ["pass"] = pass,
                ["notes"] = notes,
                ["runs"] = JsonSerializer.SerializeToNode(runs, LoadCommand.Json),
            };
            rows.Add(row);
        }

        var suite = new JsonObject
        {
            ["benchmark"] = "suite",
            ["info"] = new JsonObject(info.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)JsonValue.Create(i.Value)))),
            ["runs"] = measurements.Count == 0 ? 0 : measurements.Max(m => m.Run),
            ["targets_passed"] = passed,
            ["targets_failed"] = failed,
            ["rows"] = rows,
        };
        File.WriteAllText(output, suite.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.Write(table.ToString());
        Console.WriteLine();
        Console.WriteLine($"rows meeting their targets: {passed}, missing them: {failed}");
        return 0;
    }

    /// <summary>Each max row over the reference row of the same scenario and run: the two ran back to back.</summary>
    private static void AddRatios(List<Measurement> measurements)
    {
        foreach (var reference in measurements.Where(m => m.Kind == "ref" && m.Rps is > 0).ToList())
        {
            foreach (var app in measurements.Where(m => m.Kind == "max" && m.Run == reference.Run && m.Scenario == reference.Scenario))
            {
                app.Values["ratio"] = app.Rps.GetValueOrDefault() / reference.Rps!.Value;
            }
        }
    }

    private static Dictionary<string, double> Medians(List<Measurement> runs)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string key, double? value)
        {
            if (value is { } v)
            {
                (samples.TryGetValue(key, out var list) ? list : samples[key] = []).Add(v);
            }
        }

        foreach (var run in runs)
        {
            Add("rps", run.Rps);
            Add("p50", run.P50Ms);
            Add("p95", run.P95Ms);
            Add("p99", run.P99Ms);
            Add("errors", run.Errors);
            Add("cpu", run.CpuCores);
            foreach (var (key, value) in run.Values)
            {
                Add(key, value);
            }
        }

        return samples.ToDictionary(s => s.Key, s => Median(s.Value), StringComparer.Ordinal);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Notes(Dictionary<string, double> m, string? note)
    {
        var parts = new List<string>();
        string Pct(string key) => (m[key] * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string N(string key, string format = "#,0") => m[key].ToString(format, CultureInfo.InvariantCulture);
        if (m.ContainsKey("ratio"))
        {
            parts.Add($"{N("ratio", "0.00")} × reference");
        }

        if (m.ContainsKey("overall_hit_ratio"))
        {
            parts.Add($"hits L1 {Pct("l1_hit_ratio")}, L2 {Pct("l2_hit_ratio")}, overall {Pct("overall_hit_ratio")}");
        }

        if (m.ContainsKey("db_lookup_ratio"))
        {
            parts.Add($"{Pct("db_lookup_ratio")} of requests went to PostgreSQL");
        }

        if (m.ContainsKey("target_rate"))
        {
            parts.Add($"asked {N("target_rate")}/s, p99.9 {N("p999_ms", "0.0")} ms, max {N("max_ms", "0.0")} ms");
        }

        if (m.ContainsKey("events_per_s"))
        {
            parts.Add($"{N("events_per_s")} events/s redirect→aggregate, lag {N("lag_s", "0.00")} s after load, " +
                      $"{N("captured")} captured, {N("lost")} lost, drain {N("drain_events_per_s")}/s");
        }

        if (m.ContainsKey("bytes_per_link"))
        {
            parts.Add($"RSS {N("rss_before_mb")} → {N("rss_after_mb")} MB over {N("links")} links: {N("bytes_per_link")} B/link, " +
                      $"{N("beyond_strings")} B beyond the strings ({N("string_bytes")} B)");
        }

        if (m.ContainsKey("gc_heap_bytes_per_link"))
        {
            parts.Add($"managed heap at the last GC {N("gc_heap_before_mb")} → {N("gc_heap_after_mb")} MB ({N("gc_heap_bytes_per_link")} B/link)");
        }

        // The rest of the 2 cores went to the load generator, PostgreSQL and Redis.
        if (m.ContainsKey("machine_cpu"))
        {
            parts.Add(m.ContainsKey("db_cpu")
                ? $"machine {N("machine_cpu", "0.00")} cores busy, PostgreSQL + Redis {N("db_cpu", "0.00")}"
                : $"machine {N("machine_cpu", "0.00")} cores busy");
        }

        if (!string.IsNullOrEmpty(note))
        {
            parts.Add(note);
        }

        return string.Join("; ", parts);
    }

    private static string Rps(Dictionary<string, double> m) =>
        m.TryGetValue("rps", out var v) ? v.ToString("#,0", CultureInfo.InvariantCulture) : "";

    private static string Ms(Dictionary<string, double> m, string key) =>
        m.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms" : "";

    private static string Count(Dictionary<string, double> m, string key) =>
        m.TryGetValue(key, out var v) ? v.ToString("#,0", CultureInfo.InvariantCulture) : "";

    private static string Cores(Dictionary<string, double> m) =>
        m.TryGetValue("cpu", out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";
}
