namespace UrlShortener.Web.Infrastructure.Redis;

/// <summary>Section <c>Redis</c>. The endpoint itself is <c>ConnectionStrings:Redis</c>; absent, everything stays in-process.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";
    public const string ConnectionStringName = "Redis";

    /// <summary>Prepended to every key and channel, so that several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "";
}
