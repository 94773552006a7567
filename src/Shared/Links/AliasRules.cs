namespace UrlShortener.Shared.Links;

/// <summary>
/// The shape of a custom alias (spec flow 5): 4-20 characters of <c>[a-zA-Z0-9-]</c>, no hyphen at either end.
/// Shared so that the browser can hint as the person types; the server decides, and also refuses reserved words.
/// </summary>
public static class AliasRules
{
    public const int MinLength = 4;
    public const int MaxLength = 20;

    public static bool IsWellFormed(string? alias)
    {
        if (alias is null || alias.Length is < MinLength or > MaxLength || alias[0] == '-' || alias[^1] == '-')
        {
            return false;
        }

        foreach (var c in alias)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
