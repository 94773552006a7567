using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// The three uap-core parser lists (browser, OS, device), each evaluated in file order, first match wins.
/// The YAML is read once and every regex is compiled (and warmed) up front, so no click pays for compilation.
/// </summary>
internal sealed class UapParser
{
    private const string OtherFamily = "Other";

    private readonly UapPattern[] _browsers;
    private readonly UapPattern[] _operatingSystems;
    private readonly UapPattern[] _devices;

    private UapParser(UapPattern[] browsers, UapPattern[] operatingSystems, UapPattern[] devices)
    {
        _browsers = browsers;
        _operatingSystems = operatingSystems;
        _devices = devices;
    }

    public int PatternCount => _browsers.Length + _operatingSystems.Length + _devices.Length;

    public static UapParser Load(TextReader yaml, TimeSpan matchTimeout)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return new UapParser(
            ReadList(root, "user_agent_parsers", "family_replacement", null, null, matchTimeout),
            ReadList(root, "os_parsers", "os_replacement", null, null, matchTimeout),
            ReadList(root, "device_parsers", "device_replacement", "brand_replacement", "model_replacement", matchTimeout));
    }

    /// <summary>Runs every regex once, so that their JIT compilation happens here and not in the first clicks.</summary>
    public void WarmUp(IEnumerable<string> userAgents)
    {
        foreach (var userAgent in userAgents)
        {
            Parse(userAgent);
        }
    }

    public UapResult Parse(string userAgent)
    {
        var browser = First(_browsers, userAgent, out var browserMatch);
        var os = First(_operatingSystems, userAgent, out var osMatch);
        var device = First(_devices, userAgent, out var deviceMatch);
        return new UapResult(
            browserMatch is null ? OtherFamily : browser!.Family(browserMatch) ?? OtherFamily,
            osMatch is null ? OtherFamily : os!.Family(osMatch) ?? OtherFamily,
            deviceMatch is null ? OtherFamily : device!.Family(deviceMatch) ?? OtherFamily,
            deviceMatch is null ? null : device!.Brand(deviceMatch),
            deviceMatch is null ? null : device!.Model(deviceMatch));
    }

    private static UapPattern? First(UapPattern[] patterns, string userAgent, out Match? match)
    {
        foreach (var pattern in patterns)
        {
            match = pattern.Match(userAgent);
            if (match is not null)
            {
                return pattern;
            }
        }

        match = null;
        return null;
    }

    private static UapPattern[] ReadList(
        YamlMappingNode root, string key, string familyKey, string? brandKey, string? modelKey, TimeSpan matchTimeout)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode entries)
        {
            throw new InvalidDataException($"regexes.yaml has no '{key}' list.");
        }

        var patterns = new List<UapPattern>(entries.Children.Count);
        foreach (var entry in entries.Children.Cast<YamlMappingNode>())
        {
            var regex = Scalar(entry, "regex") ?? throw new InvalidDataException($"An entry of '{key}' has no regex.");
            var options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
            if (Scalar(entry, "regex_flag") == "i")
            {
                options |= RegexOptions.IgnoreCase;
            }

            patterns.Add(new UapPattern(
                new Regex(regex, options, matchTimeout),
                Scalar(entry, familyKey),
                brandKey is null ? null : Scalar(entry, brandKey),
                modelKey is null ? null : Scalar(entry, modelKey)));
        }

        return [.. patterns];
    }

    private static string? Scalar(YamlMappingNode entry, string key) =>
        entry.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
