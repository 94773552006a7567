using System.Globalization;
using System.Text.Json;

namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// <c>record --out FILE --run N --scenario ID --row LABEL --kind max|ref|open|value [--wrk FILE | --loadgen FILE]
/// [--expect 3xx|2xx|404] [--cpu CORES] [--value key=number]… [--target 'p99&lt;20']… [--note TEXT]</c>:
/// appends one <see cref="Measurement"/> to the suite's JSON-lines file.
/// </summary>
public static class RecordCommand
{
    public static int Run(CommandLine options)
    {
        var output = options.Required("out");
        var expect = options.Get("expect") ?? "3xx";
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in options.All("value"))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(pair[(eq + 1)..], CultureInfo.InvariantCulture, out var number))
            {
                throw new ArgumentException($"--value '{pair}': expected key=number");
            }

            values[pair[..eq]] = number;
        }

        double? rps = null, p50 = null, p95 = null, p99 = null;
        long? errors = null;
        if (options.Get("wrk") is { } wrkFile)
        {
            var wrk = WrkOutput.Parse(File.ReadAllText(wrkFile));
            rps = wrk.RequestsPerSecond;
            p50 = wrk.P50Ms;
            p99 = wrk.P99Ms;
            values["requests"] = wrk.Requests;
            // wrk counts every answer >= 400 as an error; for the unknown-code scenario a 404 is the right answer.
            errors = wrk.SocketErrors + (expect == "404" ? 0 : wrk.Non2xx3xx);
        }
        else if (options.Get("loadgen") is { } loadgenFile)
        {
            var result = JsonSerializer.Deserialize<LoadResult>(File.ReadAllText(loadgenFile), LoadCommand.Json)
                ?? throw new FormatException($"{loadgenFile}: empty");
            rps = result.AchievedRate;
            p50 = result.LatencyMs.P50;
            p95 = result.LatencyMs.P95;
            p99 = result.LatencyMs.P99;
            errors = result.Errors + result.Status.Where(s => !Expected(s.Key, expect)).Sum(s => s.Value);
            values["requests"] = result.Completed;
            values["p999_ms"] = result.LatencyMs.P999;
            values["max_ms"] = result.LatencyMs.Max;
            if (result.TargetRate is { } target)
            {
                values["target_rate"] = target;
            }
        }

        var measurement = new Measurement(
            (int)options.Integer("run", 1),
            options.Required("scenario"),
            options.Required("row"),
            options.Required("kind"),
            rps,
            p50,
            p95,
            p99,
            errors,
            options.Get("cpu") is { } cpu ? double.Parse(cpu, CultureInfo.InvariantCulture) : null,
            values,
            [.. options.All("target")],
            options.Get("note"));
        options.RejectUnknown();
        File.AppendAllText(output, JsonSerializer.Serialize(measurement, LoadCommand.Json) + "\n");
        return 0;
    }

    private static bool Expected(string status, string expect) => expect switch
    {
        "2xx" => status.StartsWith('2'),
        "3xx" => status.StartsWith('3'),
        _ => status == expect,
    };
}
