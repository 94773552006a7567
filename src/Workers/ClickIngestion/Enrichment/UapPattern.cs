using System.Text;
using System.Text.RegularExpressions;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>
/// One entry of a uap-core parser list: the regex plus its replacement templates, read as the ua-parser
/// specification says ($1..$9 stand for the groups; without a template the first group is the value).
/// </summary>
internal sealed class UapPattern(Regex regex, string? familyTemplate, string? brandTemplate, string? modelTemplate)
{
    // Set once a match has run to completion, i.e. once the compiled regex has been JIT-compiled.
    private volatile bool _warm;

    public Regex Regex { get; } = regex;

    public Match? Match(string userAgent)
    {
        try
        {
            return Run(userAgent);
        }
        catch (RegexMatchTimeoutException) when (!_warm)
        {
            // The first run of a compiled regex includes JIT-compiling it, and that counts against the timeout
            // (the largest uap-core alternations take over 100 ms to compile): one more try on a warm regex.
            return TryAgain(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological user agent must not stall a worker: treat the entry as not matching and go on.
            return null;
        }
    }

    private Match? TryAgain(string userAgent)
    {
        try
        {
            return Run(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private Match? Run(string userAgent)
    {
        var match = Regex.Match(userAgent);
        _warm = true;
        return match.Success ? match : null;
    }

    public string? Family(Match match) => Expand(familyTemplate, match, defaultGroup: 1);

    // Only device entries have brands; a brand is never taken from a group without a template.
    public string? Brand(Match match) => Expand(brandTemplate, match, defaultGroup: 0);

    public string? Model(Match match) => Expand(modelTemplate, match, defaultGroup: 1);

    private static string? Expand(string? template, Match match, int defaultGroup)
    {
        if (template is null)
        {
            return defaultGroup > 0 ? Clean(match.Groups[defaultGroup].Value) : null;
        }

        if (!template.Contains('$'))
        {
            return Clean(template);
        }

        var builder = new StringBuilder(template.Length + 16);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '$' && i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]) && template[i + 1] != '0')
            {
                var group = match.Groups[template[i + 1] - '0'];
                if (group.Success)
                {
                    builder.Append(group.ValueSpan);
                }

                i++;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return Clean(builder.ToString());
    }

    private static string? Clean(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
