using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.Postgres;

namespace UrlShortener.Workers.Tests.Stores;

public sealed class PostgresClickStoreTests(PostgresTestDatabase database) : ClickStoreContract, IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task RetriesTheWholeBatchWhenChosenAsADeadlockVictim()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await AddLinksAsync(["alpha"]);
        // PostgreSQL looks for a cycle once, deadlock_timeout after a session starts waiting, and aborts the session
        // that finds it. The store looks after 1 s (time enough for the cycle to form even on a busy machine), the
        // other session only after a minute, so the store is always the victim.
        await using var quickToDetect = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c deadlock_timeout=1000" }.ConnectionString);
        var logger = new RecordingLogger<PostgresClickStore>();
        var store = new PostgresClickStore(quickToDetect, logger);
        var first = Clicks.Human("alpha", "2026-03-10T10:00:00Z", "v1");
        var second = Clicks.Human("alpha", "2026-03-10T11:00:00Z", "v2");
        await store.StoreAsync([first], cancellationToken);

        // Another session takes the link row that the store updates last, then waits for the stats row that the
        // store has taken first: a lock cycle.
        await using var other = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var patient = new NpgsqlCommand("SET deadlock_timeout = '60s'", other))
        {
            await patient.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await other.BeginTransactionAsync(cancellationToken);
        await using (var lockLink = new NpgsqlCommand("UPDATE urls SET click_count = click_count WHERE short_code = 'alpha'", other, transaction))
        {
            await lockLink.ExecuteNonQueryAsync(cancellationToken);
        }

        var storing = store.StoreAsync([second], cancellationToken);
        await WaitUntilBlockedAsync(cancellationToken);
        await using (var lockStats = new NpgsqlCommand("UPDATE link_daily_stats SET clicks = clicks WHERE short_code = 'alpha'", other, transaction))
        {
            await lockStats.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var stored = await storing;

        Assert.Equal(second.EventId, Assert.Single(stored).EventId);
        Assert.Contains("40P01", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
        StoreSnapshot.AssertEqual(Clicks.Expected([first, second], ["alpha"]), await ReadAsync());
    }

    private async Task WaitUntilBlockedAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            var waiting = await database.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(10, cancellationToken);
        }

        Assert.Fail("The store never waited for the link row.");
    }

    protected override IClickStore CreateStore() => new PostgresClickStore(database.DataSource, NullLogger<PostgresClickStore>.Instance);

    protected override async ValueTask ResetAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            "TRUNCATE click_events, link_daily_stats, link_daily_dimensions, link_daily_visitors, urls");
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override async Task AddLinksAsync(IEnumerable<string> codes)
    {
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO urls (short_code, long_url, created_at, is_custom, click_count, redirect_type)
            SELECT code, 'https://example.com/' || code, now(), false, 0, 302 FROM unnest($1::text[]) AS code
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray() });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override async Task<StoreSnapshot> ReadAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var raw = await database.ScalarAsync("SELECT count(*) FROM click_events");
        var stats = new List<StoreSnapshot.DailyStat>();
        await using (var command = database.DataSource.CreateCommand(
            "SELECT short_code, to_char(day, 'YYYY-MM-DD'), clicks, human_clicks, unique_visitors FROM link_daily_stats"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stats.Add(new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        var dimensions = new List<StoreSnapshot.DimensionCount>();
        await using (var command = database.DataSource.CreateCommand(
            "SELECT short_code, to_char(day, 'YYYY-MM-DD'), dimension, value, clicks FROM link_daily_dimensions"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                dimensions.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }
        }

        var totals = new List<StoreSnapshot.LinkTotal>();
        await using (var command = database.DataSource.CreateCommand("SELECT short_code, click_count FROM urls"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                totals.Add(new(reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return StoreSnapshot.Create(raw, stats, dimensions, totals);
    }

    protected override async Task<string?> ReadEventColumnAsync(Guid eventId, string column)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {column} FROM click_events WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string;
    }
}
