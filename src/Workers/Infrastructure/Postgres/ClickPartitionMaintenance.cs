using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace UrlShortener.Workers.Infrastructure.Postgres;

/// <summary>
/// Keeps monthly partitions of <c>click_events</c> (<c>click_events_yYYYYmMM</c>) ready for the current UTC month and
/// the next three: at start, then daily. Clicks of a month without its partition fall into
/// <c>click_events_default</c>, which works but keeps that month from being dropped or detached on its own later.
/// </summary>
public sealed partial class ClickPartitionMaintenance(
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<ClickPartitionMaintenance> logger) : BackgroundService
{
    public const int MonthsAhead = 3;

    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    // Sooner than a day: the usual failure is a worker that started before the web app migrated the schema.
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(5);

    public static string PartitionName(DateTimeOffset monthStart) =>
        string.Create(CultureInfo.InvariantCulture, $"click_events_y{monthStart.UtcDateTime:yyyy}m{monthStart.UtcDateTime:MM}");

    /// <summary>Creates the missing partitions and answers the names of those in place afterwards, oldest first.</summary>
    public async Task<IReadOnlyList<string>> EnsurePartitionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await ReadPartitionsAsync(connection, cancellationToken);
        var utc = now.UtcDateTime;
        var first = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var ready = new List<string>(MonthsAhead + 1);
        for (var i = 0; i <= MonthsAhead; i++)
        {
            var from = first.AddMonths(i);
            var name = PartitionName(from);
            // Checked first so that the daily run takes no lock on click_events when there is nothing to do.
            if (existing.Contains(name) || await TryCreateAsync(connection, name, from, from.AddMonths(1), cancellationToken))
            {
                ready.Add(name);
            }
        }

        return ready;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Interval;
            try
            {
                await EnsurePartitionsAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                wait = RetryInterval;
                LogMaintenanceFailed(logger, ex, wait);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<HashSet<string>> ReadPartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'click_events'::regclass",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<bool> TryCreateAsync(NpgsqlConnection connection, string name, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The name and bounds are made of digits only, so formatting them into DDL (which takes no parameters) is safe.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SET LOCAL lock_timeout = '10s';
            CREATE TABLE IF NOT EXISTS {name} PARTITION OF click_events
                FOR VALUES FROM ('{from.UtcDateTime:yyyy-MM-dd} 00:00:00+00') TO ('{to.UtcDateTime:yyyy-MM-dd} 00:00:00+00')
            """);
        try
        {
            // Creating a partition locks click_events against inserts; the timeout keeps a long-running statement
            // from turning that wait into a stall of every worker.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCreated(logger, name);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation)
        {
            LogDefaultHoldsMonth(logger, name, from.UtcDateTime);
            return false;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Another worker created it between our look and our create.
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            LogLockTimeout(logger, name, Interval);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created click partition {Partition}")]
    private static partial void LogCreated(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Click partition {Partition} not created: click_events_default already holds clicks of {Month:yyyy-MM}, " +
                  "which PostgreSQL refuses to move implicitly. That month's clicks keep landing in the default partition; " +
                  "to split them out, move its rows out of click_events_default, create the partition, and insert them back.")]
    private static partial void LogDefaultHoldsMonth(ILogger logger, string partition, DateTime month);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Click partition {Partition} not created: click_events stayed locked for 10 s; trying again in {Interval}")]
    private static partial void LogLockTimeout(ILogger logger, string partition, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Click partition maintenance failed; trying again in {Interval}")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception, TimeSpan interval);
}
