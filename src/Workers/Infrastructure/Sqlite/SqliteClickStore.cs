using System.Globalization;
using Microsoft.Data.Sqlite;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.Sqlite;

/// <summary>
/// Stores a batch in one SQLite transaction: each event is inserted unless its id is already stored, and only the
/// events that went in are folded into the aggregates, so a replayed batch is a no-op. SQLite writes in-process,
/// so prepared statements row by row cost less than staging the batch in a temp table.
/// </summary>
public sealed class SqliteClickStore(string connectionString) : IClickStore
{

    private const string InsertEvent = """
        INSERT INTO click_events (event_id, short_code, clicked_at, ip_address, country, city, device_type, os, browser,
                                  referrer_host, is_bot, visitor_hash, user_agent, accept_language)
        VALUES ($event_id, $short_code, $clicked_at, $ip_address, $country, $city, $device_type, $os, $browser,
                $referrer_host, $is_bot, $visitor_hash, $user_agent, $accept_language)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private const string InsertVisitor = """
        INSERT INTO link_daily_visitors (short_code, day, visitor_hash) VALUES ($short_code, $day, $visitor_hash)
        ON CONFLICT (short_code, day, visitor_hash) DO NOTHING
        """;

    private const string UpsertStats = """
        INSERT INTO link_daily_stats (short_code, day, clicks, human_clicks, unique_visitors)
        VALUES ($short_code, $day, $clicks, $human_clicks, $unique_visitors)
        ON CONFLICT (short_code, day) DO UPDATE SET
            clicks = clicks + excluded.clicks,
            human_clicks = human_clicks + excluded.human_clicks,
            unique_visitors = unique_visitors + excluded.unique_visitors
        """;

    private const string UpsertDimension = """
        INSERT INTO link_daily_dimensions (short_code, day, dimension, value, clicks)
        VALUES ($short_code, $day, $dimension, $value, $clicks)
        ON CONFLICT (short_code, day, dimension, value) DO UPDATE SET clicks = clicks + excluded.clicks
        """;

    private const string UpdateLinkTotal = "UPDATE urls SET click_count = click_count + $clicks WHERE short_code = $short_code";

    /// <remarks>
    /// Microsoft.Data.Sqlite has no asynchronous I/O (its async methods run synchronously), so the work is done
    /// synchronously rather than paying for a task per row.
    /// </remarks>
    public Task<IReadOnlyList<EnrichedClick>> StoreAsync(IReadOnlyList<EnrichedClick> clicks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = StorableClicks.Prepare(clicks);
        return Task.FromResult<IReadOnlyList<EnrichedClick>>(batch.Count == 0 ? [] : Store(batch, cancellationToken));
    }

    private List<EnrichedClick> Store(List<EnrichedClick> batch, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // BEGIN IMMEDIATE takes the write lock up front: a second writer waits (up to the connection's Default
        // Timeout) right here, instead of failing with SQLITE_BUSY when a deferred read lock cannot be upgraded.
        using var transaction = connection.BeginTransaction(deferred: false);

        var inserted = InsertNewEvents(connection, transaction, batch, cancellationToken);
        if (inserted.Count > 0)
        {
            FoldIntoAggregates(connection, transaction, inserted);
        }

        transaction.Commit();
        return inserted;
    }

    private static List<EnrichedClick> InsertNewEvents(SqliteConnection connection, SqliteTransaction transaction, List<EnrichedClick> batch, CancellationToken cancellationToken)
    {
        using var insert = CreatePrepared(connection, transaction, InsertEvent,
            "$event_id", "$short_code", "$clicked_at", "$ip_address", "$country", "$city", "$device_type", "$os", "$browser",
            "$referrer_host", "$is_bot", "$visitor_hash", "$user_agent", "$accept_language");
        var p = insert.Parameters;
        var inserted = new List<EnrichedClick>(batch.Count);
        foreach (var click in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The text EF Core writes for a Guid on SQLite (upper case, hyphens), so the web app reads the same ids.
            p[0].Value = click.EventId.ToString("D").ToUpperInvariant();
            p[1].Value = click.ShortCode;
            p[2].Value = click.ClickedAt.UtcTicks;
            p[3].Value = (object?)click.IpAddress ?? DBNull.Value;
            p[4].Value = click.Country;
            p[5].Value = click.City;
            p[6].Value = click.DeviceType;
            p[7].Value = click.Os;
            p[8].Value = click.Browser;
            p[9].Value = (object?)click.ReferrerHost ?? DBNull.Value;
            p[10].Value = click.IsBot ? 1 : 0;
            p[11].Value = click.VisitorHash;
            p[12].Value = (object?)click.UserAgent ?? DBNull.Value;
            p[13].Value = (object?)click.AcceptLanguage ?? DBNull.Value;
            // changes() of the statement: 0 when the id was already stored.
            if (insert.ExecuteNonQuery() == 1)
            {
                inserted.Add(click);
            }
        }

        return inserted;
    }

    private static void FoldIntoAggregates(SqliteConnection connection, SqliteTransaction transaction, List<EnrichedClick> inserted)
    {
        var stats = new Dictionary<(string Code, string Day), (long Clicks, long Human, long Unique)>();
        var dimensions = new Dictionary<(string Code, string Day, string Dimension, string Value), long>();
        var linkTotals = new Dictionary<string, long>(StringComparer.Ordinal);

        using var visitor = CreatePrepared(connection, transaction, InsertVisitor, "$short_code", "$day", "$visitor_hash");
        foreach (var click in inserted)
        {
            var day = click.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = (click.ShortCode, day);
            var (clicks, human, unique) = stats.GetValueOrDefault(key);
            if (click.IsBot)
            {
                stats[key] = (clicks + 1, human, unique);
                continue;
            }

            // A visitor row that is new for the day is what makes a unique visitor.
            visitor.Parameters[0].Value = click.ShortCode;
            visitor.Parameters[1].Value = day;
            visitor.Parameters[2].Value = click.VisitorHash;
            var isNewVisitor = visitor.ExecuteNonQuery() == 1;
            stats[key] = (clicks + 1, human + 1, unique + (isNewVisitor ? 1 : 0));

            foreach (var (dimension, value) in DimensionValues(click))
            {
                var dimensionKey = (click.ShortCode, day, dimension, value);
                dimensions[dimensionKey] = dimensions.GetValueOrDefault(dimensionKey) + 1;
            }

            linkTotals[click.ShortCode] = linkTotals.GetValueOrDefault(click.ShortCode) + 1;
        }

        using var upsertStats = CreatePrepared(connection, transaction, UpsertStats,
            "$short_code", "$day", "$clicks", "$human_clicks", "$unique_visitors");
        foreach (var ((code, day), (clicks, human, unique)) in stats)
        {
            Execute(upsertStats, code, day, clicks, human, unique);
        }

        using var upsertDimension = CreatePrepared(connection, transaction, UpsertDimension,
            "$short_code", "$day", "$dimension", "$value", "$clicks");
        foreach (var ((code, day, dimension, value), clicks) in dimensions)
        {
            Execute(upsertDimension, code, day, dimension, value, clicks);
        }

        using var updateLink = CreatePrepared(connection, transaction, UpdateLinkTotal, "$clicks", "$short_code");
        foreach (var (code, clicks) in linkTotals)
        {
            Execute(updateLink, clicks, code);
        }
    }

    // The same values as PostgresClickStore's dimension query: the analytics API reads either database alike.
    private static IEnumerable<(string Dimension, string Value)> DimensionValues(EnrichedClick click)
    {
        yield return ("country", StorableClicks.Clip(click.Country, 160)!);
        var city = click.City == StorableClicks.Unknown ? StorableClicks.Unknown
            : click.Country == StorableClicks.Unknown ? click.City
            : $"{click.City}, {click.Country}";
        yield return ("city", StorableClicks.Clip(city, 160)!);
        yield return ("device", StorableClicks.Clip(click.DeviceType, 160)!);
        yield return ("browser", StorableClicks.Clip(click.Browser, 160)!);
        yield return ("os", StorableClicks.Clip(click.Os, 160)!);
        yield return ("referrer", StorableClicks.Clip(click.ReferrerHost ?? "direct", 160)!);
    }

    private static SqliteCommand CreatePrepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
