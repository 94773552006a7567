using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using UrlShortener.Workers.Infrastructure.Postgres;

namespace UrlShortener.Workers.Tests.Stores;

/// <summary>Each test gets a database of its own: partitions are schema, not data that a reset would clear.</summary>
public sealed class ClickPartitionMaintenanceTests
{
    // 22:00 in New York on the last day of November is already December in UTC, which is what counts.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 22, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task CreatesTheCurrentUtcMonthAndTheNextThree()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var ready = await Maintenance(database).EnsurePartitionsAsync(Now, TestContext.Current.CancellationToken);

        string[] expected = ["click_events_y2026m12", "click_events_y2027m01", "click_events_y2027m02", "click_events_y2027m03"];
        Assert.Equal(expected, ready);
        var bounds = await PartitionBoundsAsync(database);
        Assert.Equal(
            [
                ("click_events_default", "DEFAULT"),
                ("click_events_y2026m12", "FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')"),
                ("click_events_y2027m01", "FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00')"),
                ("click_events_y2027m02", "FOR VALUES FROM ('2027-02-01 00:00:00+00') TO ('2027-03-01 00:00:00+00')"),
                ("click_events_y2027m03", "FOR VALUES FROM ('2027-03-01 00:00:00+00') TO ('2027-04-01 00:00:00+00')"),
            ],
            bounds);
    }

    [Fact]
    public async Task RunningAgainChangesNothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var maintenance = Maintenance(database);
        var first = await maintenance.EnsurePartitionsAsync(Now, TestContext.Current.CancellationToken);
        var bounds = await PartitionBoundsAsync(database);

        var second = await maintenance.EnsurePartitionsAsync(Now.AddDays(3), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Equal(bounds, await PartitionBoundsAsync(database));
    }

    [Fact]
    public async Task StoredClicksLandInTheirMonthlyPartition()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await Maintenance(database).EnsurePartitionsAsync(Now, TestContext.Current.CancellationToken);
        var december = Clicks.Human("alpha", "2026-12-31T23:59:59.999999Z", "v1");
        var january = Clicks.Human("alpha", "2027-01-01T00:00:00Z", "v1");
        var march = Clicks.Bot("alpha", "2027-03-15T12:00:00+05:00");
        var later = Clicks.Human("alpha", "2030-06-01T00:00:00Z", "v1");

        await new PostgresClickStore(database.DataSource, NullLogger<PostgresClickStore>.Instance)
            .StoreAsync([december, january, march, later], TestContext.Current.CancellationToken);

        var partitions = new Dictionary<Guid, string>();
        await using var command = database.DataSource.CreateCommand("SELECT event_id, tableoid::regclass::text FROM click_events");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            partitions[reader.GetGuid(0)] = reader.GetString(1);
        }

        Assert.Equal("click_events_y2026m12", partitions[december.EventId]);
        Assert.Equal("click_events_y2027m01", partitions[january.EventId]);
        Assert.Equal("click_events_y2027m03", partitions[march.EventId]);
        Assert.Equal("click_events_default", partitions[later.EventId]);
    }

    [Fact]
    public async Task WarnsAndGoesOnWhenTheDefaultPartitionHoldsClicksOfAMonth()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var store = new PostgresClickStore(database.DataSource, NullLogger<PostgresClickStore>.Instance);
        await store.StoreAsync([Clicks.Human("alpha", "2027-02-10T10:00:00Z", "v1")], TestContext.Current.CancellationToken);
        var logger = new RecordingLogger<ClickPartitionMaintenance>();

        var ready = await Maintenance(database, logger).EnsurePartitionsAsync(Now, TestContext.Current.CancellationToken);

        Assert.Equal(["click_events_y2026m12", "click_events_y2027m01", "click_events_y2027m03"], ready);
        var warning = Assert.Single(logger.At(LogLevel.Warning));
        Assert.Contains("click_events_y2027m02", warning, StringComparison.Ordinal);
        Assert.Contains("click_events_default", warning, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM click_events_default"));
    }

    [Fact]
    public async Task TheHostedServiceRunsAtStartAndThenDaily()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero));
        using var service = new ClickPartitionMaintenance(database.DataSource, time, NullLogger<ClickPartitionMaintenance>.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await WaitForPartitionAsync(database, "click_events_y2026m04", time: null);
            Assert.DoesNotContain(await PartitionBoundsAsync(database), p => p.Name == "click_events_y2026m05");

            // A day later it is February: May comes into the window.
            await WaitForPartitionAsync(database, "click_events_y2026m05", time);
        }
        finally
        {
            await service.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain(await PartitionBoundsAsync(database), p => p.Name == "click_events_y2026m06");
    }

    private static ClickPartitionMaintenance Maintenance(PostgresTestDatabase database, ILogger<ClickPartitionMaintenance>? logger = null) =>
        new(database.DataSource, TimeProvider.System, logger ?? NullLogger<ClickPartitionMaintenance>.Instance);

    // Advances the clock a day at a time (the service may not have armed its timer yet when we first advance)
    // until the partition shows up, staying within February, where every day leaves the window unchanged.
    private static async Task WaitForPartitionAsync(PostgresTestDatabase database, string name, FakeTimeProvider? time)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await PartitionBoundsAsync(database)).Any(p => p.Name == name))
            {
                return;
            }

            if (time is not null && i % 10 == 0 && time.GetUtcNow().AddDays(1).Month == 2)
            {
                time.Advance(TimeSpan.FromDays(1));
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Partition {name} did not appear.");
    }

    private static async Task<List<(string Name, string Bound)>> PartitionBoundsAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var utc = new NpgsqlCommand("SET TimeZone = 'UTC'", connection))
        {
            await utc.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var command = new NpgsqlCommand("""
            SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'click_events'::regclass
            ORDER BY c.relname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var partitions = new List<(string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            partitions.Add((reader.GetString(0), reader.GetString(1)));
        }

        return partitions;
    }
}
