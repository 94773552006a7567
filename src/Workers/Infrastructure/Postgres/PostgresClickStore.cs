using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.Postgres;

/// <summary>
/// Stores a batch in four round trips and one transaction: create the staging tables, COPY the batch in, one
/// command batch that inserts the new events and folds only those into the aggregates, commit. The event id makes
/// a replayed event a no-op, so a batch delivered twice (or retried here) never counts twice.
/// </summary>
public sealed partial class PostgresClickStore(NpgsqlDataSource dataSource, ILogger<PostgresClickStore> logger) : IClickStore
{
    // The first try plus three retries.
    private const int MaxAttempts = 4;

    private const string CreateStaging = """
        CREATE TEMP TABLE click_batch (LIKE click_events) ON COMMIT DROP;
        CREATE TEMP TABLE click_new (
            event_id uuid NOT NULL, short_code varchar(20) NOT NULL, day date NOT NULL, is_bot boolean NOT NULL,
            visitor_hash varchar(44) NOT NULL, country varchar(64) NOT NULL, city varchar(128) NOT NULL,
            device_type varchar(16) NOT NULL, os varchar(64) NOT NULL, browser varchar(64) NOT NULL,
            referrer_host varchar(255)) ON COMMIT DROP
        """;

    private const string Copy = """
        COPY click_batch (event_id, short_code, clicked_at, ip_address, country, city, device_type, os, browser,
                          referrer_host, is_bot, visitor_hash, user_agent, accept_language) FROM STDIN (FORMAT BINARY)
        """;

    // Inserting in event id order means two workers with overlapping batches meet on their first shared id, where
    // the later one waits for the earlier to commit, instead of each holding an id the other needs. The primary
    // key includes clicked_at (a partitioned table needs it), which a redelivered event carries unchanged.
    private const string InsertEvents = """
        WITH inserted AS (
            INSERT INTO click_events (event_id, short_code, clicked_at, ip_address, country, city, device_type, os,
                                      browser, referrer_host, is_bot, visitor_hash, user_agent, accept_language)
            SELECT event_id, short_code, clicked_at, ip_address, country, city, device_type, os,
                   browser, referrer_host, is_bot, visitor_hash, user_agent, accept_language
            FROM click_batch
            ORDER BY event_id
            ON CONFLICT DO NOTHING
            RETURNING event_id, short_code, clicked_at, is_bot, visitor_hash, country, city, device_type, os, browser,
                      referrer_host)
        INSERT INTO click_new
        SELECT event_id, short_code, (clicked_at AT TIME ZONE 'UTC')::date, is_bot, visitor_hash, country, city,
               device_type, os, browser, referrer_host
        FROM inserted
        RETURNING event_id
        """;

    // A visitor row that is new for the day is what makes a unique visitor: counting the rows the insert returns
    // stays exact when two workers see the same visitor at once (the second waits, then finds the row). Every
    // upsert takes its rows in key order, so that concurrent workers queue on a shared row instead of deadlocking.
    private const string UpsertStats = """
        WITH counted AS (
            INSERT INTO link_daily_visitors (short_code, day, visitor_hash)
            SELECT DISTINCT short_code, day, visitor_hash FROM click_new WHERE NOT is_bot
            ORDER BY short_code, day, visitor_hash
            ON CONFLICT DO NOTHING
            RETURNING short_code, day),
        visitors AS (SELECT short_code, day, count(*) AS unique_visitors FROM counted GROUP BY short_code, day),
        clicks AS (
            SELECT short_code, day, count(*) AS clicks, count(*) FILTER (WHERE NOT is_bot) AS human_clicks
            FROM click_new GROUP BY short_code, day)
        INSERT INTO link_daily_stats AS s (short_code, day, clicks, human_clicks, unique_visitors)
        SELECT c.short_code, c.day, c.clicks, c.human_clicks, coalesce(v.unique_visitors, 0)
        FROM clicks c LEFT JOIN visitors v ON v.short_code = c.short_code AND v.day = c.day
        ORDER BY c.short_code, c.day
        ON CONFLICT (short_code, day) DO UPDATE SET
            clicks = s.clicks + EXCLUDED.clicks,
            human_clicks = s.human_clicks + EXCLUDED.human_clicks,
            unique_visitors = s.unique_visitors + EXCLUDED.unique_visitors
        """;

    private const string UpsertDimensions = """
        INSERT INTO link_daily_dimensions AS d (short_code, day, dimension, value, clicks)
        SELECT short_code, day, dimension, value, count(*)
        FROM (
            SELECT short_code, day, 'country' AS dimension, left(country, 160) AS value FROM click_new WHERE NOT is_bot
            UNION ALL
            SELECT short_code, day, 'city', left(CASE WHEN city = 'unknown' THEN 'unknown'
                                                      WHEN country = 'unknown' THEN city
                                                      ELSE city || ', ' || country END, 160)
            FROM click_new WHERE NOT is_bot
            UNION ALL
            SELECT short_code, day, 'device', left(device_type, 160) FROM click_new WHERE NOT is_bot
            UNION ALL
            SELECT short_code, day, 'browser', left(browser, 160) FROM click_new WHERE NOT is_bot
            UNION ALL
            SELECT short_code, day, 'os', left(os, 160) FROM click_new WHERE NOT is_bot
            UNION ALL
            SELECT short_code, day, 'referrer', left(coalesce(referrer_host, 'direct'), 160) FROM click_new WHERE NOT is_bot
        ) AS human
        GROUP BY short_code, day, dimension, value
        ORDER BY short_code, day, dimension, value
        ON CONFLICT (short_code, day, dimension, value) DO UPDATE SET clicks = d.clicks + EXCLUDED.clicks
        """;

    // The join may visit links in any order despite the sorted input; the rare deadlock that allows is retried.
    private const string UpdateLinkTotals = """
        UPDATE urls AS u SET click_count = u.click_count + h.clicks
        FROM (SELECT short_code, count(*) AS clicks FROM click_new WHERE NOT is_bot
              GROUP BY short_code ORDER BY short_code) AS h
        WHERE u.short_code = h.short_code
        """;

    public async Task<IReadOnlyList<EnrichedClick>> StoreAsync(IReadOnlyList<EnrichedClick> clicks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        var batch = StorableClicks.Prepare(clicks);
        if (batch.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreOnceAsync(batch, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                // Safe to run again from the start: the failed transaction was rolled back whole.
                var delay = TimeSpan.FromMilliseconds((25 << attempt) + Random.Shared.Next(25));
                LogConflictRetry(logger, ex.SqlState, attempt, delay.TotalMilliseconds, batch.Count);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static bool IsRetryable(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private async Task<IReadOnlyList<EnrichedClick>> StoreOnceAsync(List<EnrichedClick> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, batch, cancellationToken);

        var inserted = new HashSet<Guid>();
        await using (var statements = new NpgsqlBatch(connection, transaction))
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand(InsertEvents));
            statements.BatchCommands.Add(new NpgsqlBatchCommand(UpsertStats));
            statements.BatchCommands.Add(new NpgsqlBatchCommand(UpsertDimensions));
            statements.BatchCommands.Add(new NpgsqlBatchCommand(UpdateLinkTotals));
            await using var reader = await statements.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetGuid(0));
            }

            // Reading on to the end surfaces an error raised by any later command of the batch.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted.Count == batch.Count ? batch : batch.FindAll(c => inserted.Contains(c.EventId));
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<EnrichedClick> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var click in batch)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(click.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(click.ShortCode, NpgsqlDbType.Varchar, cancellationToken);
            // Npgsql writes timestamptz only from a zero offset.
            await importer.WriteAsync(click.ClickedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, click.IpAddress, cancellationToken);
            await importer.WriteAsync(click.Country, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(click.City, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(click.DeviceType, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(click.Os, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(click.Browser, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, click.ReferrerHost, cancellationToken);
            await importer.WriteAsync(click.IsBot, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(click.VisitorHash, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, click.UserAgent, cancellationToken);
            await WriteNullableAsync(importer, click.AcceptLanguage, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Click batch of {Count} events hit a lock conflict ({SqlState}) on attempt {Attempt}; retrying in {DelayMs} ms")]
    private static partial void LogConflictRetry(ILogger logger, string sqlState, int attempt, double delayMs, int count);
}
