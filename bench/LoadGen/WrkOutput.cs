using System.Globalization;
using System.Text.RegularExpressions;

namespace UrlShortener.Bench.LoadGen;

/// <summary>The numbers of a <c>wrk --latency</c> report (Debian's wrk 4.1).</summary>
public sealed partial record WrkOutput(double RequestsPerSecond, long Requests, double P50Ms, double P90Ms, double P99Ms, long SocketErrors, long Non2xx3xx)
{
    public static WrkOutput Parse(string text)
    {
        double Percentile(string p) => Percentiles().Matches(text).Where(m => m.Groups[1].Value == p)
            .Select(m => Milliseconds(m.Groups[2].Value, m.Groups[3].Value)).FirstOrDefault(double.NaN);

        var rps = RequestsPerSec().Match(text);
        if (!rps.Success)
        {
            throw new FormatException("no 'Requests/sec:' line: is this wrk's output?");
        }

        var socket = SocketErrorsLine().Match(text);
        var non2xx = Non2xx3xxLine().Match(text);
        var requests = RequestsLine().Match(text);
        return new WrkOutput(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Percentile("50"),
            Percentile("90"),
            Percentile("99"),
            socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    private static double Milliseconds(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => throw new FormatException($"unknown wrk time unit '{unit}'"),
        };
    }

    [GeneratedRegex(@"^\s*(50|75|90|99)%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentiles();

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSec();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx3xxLine();
}
