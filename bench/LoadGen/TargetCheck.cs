using System.Globalization;
using System.Text.RegularExpressions;

namespace UrlShortener.Bench.LoadGen;

/// <summary>A target such as <c>ratio&gt;=0.7</c> or <c>p99&lt;20</c>, checked against a row's median metrics.</summary>
public sealed partial record TargetCheck(string Target, double? Value, bool Pass)
{
    public static TargetCheck Evaluate(string target, IReadOnlyDictionary<string, double> metrics)
    {
        var match = Expression().Match(target);
        if (!match.Success)
        {
            throw new FormatException($"target '{target}': expected metric(<|<=|>|>=)number");
        }

        var limit = double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (!metrics.TryGetValue(match.Groups[1].Value, out var value) || double.IsNaN(value))
        {
            return new TargetCheck(target, null, false);
        }

        var pass = match.Groups[2].Value switch
        {
            "<" => value < limit,
            "<=" => value <= limit,
            ">" => value > limit,
            _ => value >= limit,
        };
        return new TargetCheck(target, Math.Round(value, 4), pass);
    }

    [GeneratedRegex(@"^([a-z0-9_]+)\s*(<=|>=|<|>)\s*([0-9.]+)$")]
    private static partial Regex Expression();
}
