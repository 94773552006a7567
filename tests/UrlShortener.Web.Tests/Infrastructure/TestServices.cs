namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL and Redis that <c>scripts/test.sh</c> starts once per run on throwaway ports. Missing
/// services fail the test with instructions rather than skipping it: a green run always means a real database.
/// </summary>
public static class TestServices
{
    private const string HowTo =
        "Run the tests with ./scripts/test.sh (it installs PostgreSQL 15 and Redis 7 from Debian packages and starts " +
        "throwaway instances), or start them yourself with: eval \"$(scripts/services.sh start)\"";

    public static string PostgresAdmin => Require("URLSHORTENER_TEST_POSTGRES");

    public static string Redis => Require("URLSHORTENER_TEST_REDIS");

    /// <summary>Where scripts/geo.sh put the DB-IP databases (the test script runs it).</summary>
    public static string GeoDirectory =>
        Environment.GetEnvironmentVariable("URLSHORTENER_GEO_DIR") is { Length: > 0 } dir ? dir : DefaultGeoDirectory();

    public static string RedisServerBinary =>
        Environment.GetEnvironmentVariable("URLSHORTENER_REDIS_SERVER") is { Length: > 0 } path ? path : "redis-server";

    private static string DefaultGeoDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UrlShortener.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Web", "data", "geo");
            }
        }

        return Path.Combine("src", "Web", "data", "geo");
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set. {HowTo}");
}
