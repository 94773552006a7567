namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>The embedded default: SQLite in a file of its own, in-process cache, no Redis.</summary>
public sealed class SqliteAppFixture : IAsyncLifetime, IAppFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("urlshortener-sqlite-").FullName;

    public ShortenerApp App { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var settings = ShortenerApp.CommonSettings();
        settings["Database:Provider"] = "Sqlite";
        settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "links.db")}";
        App = new ShortenerApp(settings);
        _ = App.Server; // start now, so that migrations run before the first test
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
