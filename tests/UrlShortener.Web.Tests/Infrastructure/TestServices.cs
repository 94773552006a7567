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

    public static string RedisServerBinary =>
        Environment.GetEnvironmentVariable("URLSHORTENER_REDIS_SERVER") is { Length: > 0 } path ? path : "redis-server";

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set. {HowTo}");
}
