using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Configuration;

/// <summary>A bad setting stops start-up with a message that names the key to fix.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Database:Provider", "Mongo", "Database:Provider")]
    [InlineData("ShortLinks:BaseUrl", "ftp://sho.rt", "ShortLinks:BaseUrl")]
    [InlineData("ShortLinks:BaseUrl", "https://sho.rt/with/path", "ShortLinks:BaseUrl")]
    [InlineData("ShortLinks:CodeKey", "short", "ShortLinks:CodeKey")]
    [InlineData("ShortLinks:DefaultExpiryYears", "500", "ShortLinks:DefaultExpiryYears")]
    [InlineData("Cache:L1MaxEntries", "5", "Cache:L1MaxEntries")]
    public void RefusesToStartWithAnInvalidSetting(string key, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("urlshortener-config-").FullName;
        var settings = ShortenerApp.CommonSettings();
        settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "c.db")}";
        settings[key] = value;
        using var app = new ShortenerApp(settings);

        var error = Record.Exception(() => app.Server);

        Assert.NotNull(error);
        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresWithoutAConnectionStringIsRefused()
    {
        var settings = ShortenerApp.CommonSettings();
        settings["Database:Provider"] = "Postgres";
        using var app = new ShortenerApp(settings);

        var error = Record.Exception(() => app.Server);

        Assert.NotNull(error);
        Assert.Contains("ConnectionStrings:Postgres", Flatten(error), StringComparison.Ordinal);
    }

    internal static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
