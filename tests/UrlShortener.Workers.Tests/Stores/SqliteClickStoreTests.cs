using Microsoft.Data.Sqlite;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.Sqlite;

namespace UrlShortener.Workers.Tests.Stores;

public sealed class SqliteClickStoreTests : ClickStoreContract
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clicks-{Guid.NewGuid():N}.db");
    private readonly string _connectionString;

    public SqliteClickStoreTests()
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _file, DefaultTimeout = 30, Pooling = true }.ConnectionString;
    }

    [Fact]
    public async Task StoresEventIdsAsEfCoreWritesGuids()
    {
        var click = Clicks.Human("alpha", "2026-03-10T10:00:00Z", "v1") with { EventId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") };

        await CreateStore().StoreAsync([click], TestContext.Current.CancellationToken);

        Assert.Equal("0F8FAD5B-D9CB-469F-A165-70867728950E", await ReadEventColumnAsync(click.EventId, "event_id"));
        Assert.Equal(click.ClickedAt.UtcTicks, await ScalarAsync("SELECT clicked_at FROM click_events"));
        Assert.Equal(0, await ScalarAsync("SELECT is_bot FROM click_events"));
    }

    protected override IClickStore CreateStore() => new SqliteClickStore(_connectionString);

    protected override ValueTask ResetAsync()
    {
        if (!File.Exists(_file))
        {
            ClickSchema.CreateSqlite(_connectionString);
            return ValueTask.CompletedTask;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM click_events; DELETE FROM link_daily_stats; DELETE FROM link_daily_dimensions;
            DELETE FROM link_daily_visitors; DELETE FROM urls;
            """;
        command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }

        return base.DisposeAsync();
    }

    protected override Task AddLinksAsync(IEnumerable<string> codes)
    {
        using var connection = Open();
        foreach (var code in codes)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO urls (short_code, long_url, created_at, is_custom, click_count, redirect_type)
                VALUES ($code, 'https://example.com/' || $code, 0, 0, 0, 302)
                """;
            command.Parameters.AddWithValue("$code", code);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    protected override async Task<StoreSnapshot> ReadAsync()
    {
        var raw = await ScalarAsync("SELECT count(*) FROM click_events");
        using var connection = Open();
        var stats = Read(connection, "SELECT short_code, day, clicks, human_clicks, unique_visitors FROM link_daily_stats",
            r => new StoreSnapshot.DailyStat(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
        var dimensions = Read(connection, "SELECT short_code, day, dimension, value, clicks FROM link_daily_dimensions",
            r => new StoreSnapshot.DimensionCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        var totals = Read(connection, "SELECT short_code, click_count FROM urls",
            r => new StoreSnapshot.LinkTotal(r.GetString(0), r.GetInt64(1)));
        return StoreSnapshot.Create(raw, stats, dimensions, totals);
    }

    protected override Task<string?> ReadEventColumnAsync(Guid eventId, string column)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM click_events WHERE event_id = $id";
        command.Parameters.AddWithValue("$id", eventId.ToString("D").ToUpperInvariant());
        return Task.FromResult(command.ExecuteScalar() as string);
    }

    private Task<long> ScalarAsync(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
