namespace UrlShortener.Web.Data;

/// <summary>SQLite's stand-in for a sequence: one row whose value only ever grows, updated atomically.</summary>
public sealed class CodeBlockCounter
{
    public const string Default = "default";

    public required string Name { get; set; }

    public long NextId { get; set; }
}
