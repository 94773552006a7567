namespace UrlShortener.Web.Data;

public static class CodeBlock
{
    /// <summary>
    /// Ids reserved per round trip. Part of the PostgreSQL schema (the sequence's increment), so it is a constant:
    /// changing it on a live database would need a migration.
    /// </summary>
    public const int Size = 1000;
}
