using StackExchange.Redis;

namespace UrlShortener.Workers.Infrastructure.Redis;

/// <summary>One reading of <c>ConnectionStrings:Redis</c> for the web app and the stand-alone worker.</summary>
public static class RedisConfiguration
{
    /// <summary>
    /// Parses the connection string, naming the key when it is malformed, and never aborts on a failed first connect:
    /// Redis being briefly away must not stop a process from starting.
    /// </summary>
    public static ConfigurationOptions Parse(string connectionString, string clientName)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Redis is not a valid Redis configuration: {ex.Message}", ex);
        }

        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= $"{clientName}-{Environment.MachineName}";
        return configuration;
    }
}
