using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>
/// One member of the stream's consumer group. Entries it reads stay pending until acknowledged; if it dies first,
/// a peer takes them over with XAUTOCLAIM once they have been idle for <see cref="RedisStreamsOptions.ClaimIdleTime"/>.
/// Entries are taken, returned and acknowledged whole, whatever number of events each carries.
/// </summary>
internal sealed partial class RedisStreamClickQueueConsumer(
    IDatabase database,
    RedisKey streamKey,
    string name,
    RedisStreamsOptions options,
    TimeProvider timeProvider,
    ILogger<RedisStreamClickQueueConsumer> logger) : IClickQueueConsumer
{
    private const string StartOfStream = "0-0";
    private static readonly TimeSpan MaxClaimInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinDeadConsumerIdleTime = TimeSpan.FromHours(1);

    private readonly TimeSpan _claimInterval = TimeSpan.FromTicks(
        Math.Max(TimeSpan.FromMilliseconds(10).Ticks, Math.Min(options.ClaimIdleTime.Ticks / 2, MaxClaimInterval.Ticks)));
    private readonly TimeSpan _deadConsumerIdleTime = options.ClaimIdleTime * 10 > MinDeadConsumerIdleTime
        ? options.ClaimIdleTime * 10
        : MinDeadConsumerIdleTime;
    private bool _groupReady;
    private RedisValue _claimCursor = StartOfStream;
    private long _nextClaimAt;
    private long _nextTrimAt;

    internal string Name => name;

    public async Task<ReceivedBatch> ReceiveAsync(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        var started = timeProvider.GetTimestamp();
        var events = new List<ClickEvent>();
        // A set, because an entry read early in a long wait can be idle long enough to come back through XAUTOCLAIM
        // before the call returns.
        var ids = new HashSet<RedisValue>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wanted = maxEvents - events.Count;
            var drained = true;
            try
            {
                await EnsureGroupAsync();

                // Dead peers' entries first: they are the oldest, and a stream that keeps receiving new clicks must
                // not starve them.
                if (timeProvider.GetTimestamp() >= _nextClaimAt)
                {
                    var claimed = await database.StreamAutoClaimAsync(
                        streamKey, options.Group, name, (long)options.ClaimIdleTime.TotalMilliseconds, _claimCursor, EntriesFor(wanted));
                    _claimCursor = claimed.NextStartId;
                    if (_claimCursor == StartOfStream)
                    {
                        _nextClaimAt = timeProvider.GetTimestamp() + ToTimestampTicks(_claimInterval);
                    }

                    await DecodeAsync(claimed.ClaimedEntries, events, ids);
                    wanted = maxEvents - events.Count;
                }

                if (wanted > 0)
                {
                    var count = EntriesFor(wanted);
                    var entries = await database.StreamReadGroupAsync(
                        streamKey, options.Group, name, StreamPosition.NewMessages, count);
                    drained = entries.Length < count;
                    await DecodeAsync(entries, events, ids);
                }
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The stream or group vanished (a Redis restart without persistence, a manual delete): make it again.
                LogGroupMissing(logger, streamKey.ToString(), options.Group);
                _groupReady = false;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (events.Count >= maxEvents || elapsed >= maxWait)
            {
                break;
            }

            if (drained)
            {
                var pause = maxWait - elapsed < options.PollInterval ? maxWait - elapsed : options.PollInterval;
                await Task.Delay(pause, timeProvider, cancellationToken);
            }
        }

        return events.Count == 0 ? ReceivedBatch.Empty : new ReceivedBatch(events, ids.ToArray());
    }

    /// <summary>
    /// Acknowledges whole entries. A batch never splits an entry, and whatever is delivered twice (a dead worker's
    /// chunk after its store, an entry claimed from a slow peer) is harmless: every <c>IClickStore</c> skips events
    /// whose id it already holds, aggregates included (ADR 6; <c>ON CONFLICT DO NOTHING</c> on PostgreSQL and SQLite).
    /// </summary>
    public async Task AcknowledgeAsync(ReceivedBatch batch, CancellationToken cancellationToken)
    {
        switch (batch.Position)
        {
            case null:
                return;
            case RedisValue[] ids:
                if (ids.Length > 0)
                {
                    await database.StreamAcknowledgeAsync(streamKey, options.Group, ids).WaitAsync(cancellationToken);
                }

                break;
            default:
                throw new ArgumentException("The batch was not received from a Redis stream.", nameof(batch));
        }

        if (timeProvider.GetTimestamp() >= _nextTrimAt)
        {
            _nextTrimAt = timeProvider.GetTimestamp() + ToTimestampTicks(options.TrimInterval);
            await TrimAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A consumer that leaves nothing pending is removed from the group, so that restarts do not pile up names.
        // One that still holds entries stays, so that its entries can be claimed by a peer.
        try
        {
            var consumers = await database.StreamConsumerInfoAsync(streamKey, options.Group);
            if (consumers.Any(c => c.Name == name && c.PendingMessageCount == 0))
            {
                await database.StreamDeleteConsumerAsync(streamKey, options.Group, name);
            }
        }
        catch (RedisException ex)
        {
            LogLeaveFailed(logger, ex, name);
        }
    }

    private async Task EnsureGroupAsync()
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the start of the stream, not "$": clicks published before the first worker ever ran are kept.
            await database.StreamCreateConsumerGroupAsync(streamKey, options.Group, StartOfStream, createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another consumer created it first.
        }

        _groupReady = true;
    }

    /// <summary>
    /// COUNT counts entries, not events. Rounding down keeps a batch within one entry of <c>maxEvents</c> (entries
    /// written with a larger <see cref="RedisStreamsOptions.EventsPerEntry"/> than ours overshoot more); short entries
    /// (old single events, the tail of a publish) leave it under, and the receive loop goes round again while the
    /// stream is not drained.
    /// </summary>
    private int EntriesFor(int wantedEvents) => Math.Max(1, wantedEvents / options.EventsPerEntry);

    private async Task DecodeAsync(StreamEntry[] entries, List<ClickEvent> events, HashSet<RedisValue> ids)
    {
        List<RedisValue>? garbage = null;
        foreach (var entry in entries)
        {
            if (entry.IsNull || ids.Contains(entry.Id))
            {
                continue;
            }

            // A chunk with some unreadable events keeps the readable ones: they are real clicks, and holding them back
            // would not mend the others. The entry is then acknowledged with its batch, its losses logged here.
            var (read, unreadable) = ClickStreamEntry.ReadInto(entry, events);
            if (read == 0)
            {
                LogUnreadableEntry(logger, streamKey.ToString(), entry.Id.ToString());
                (garbage ??= []).Add(entry.Id);
                continue;
            }

            if (unreadable > 0)
            {
                LogUnreadableEvents(logger, streamKey.ToString(), entry.Id.ToString(), unreadable);
            }

            ids.Add(entry.Id);
        }

        // Acknowledged at once: an entry nobody can read would otherwise be claimed and fail again forever.
        if (garbage is not null)
        {
            await database.StreamAcknowledgeAsync(streamKey, options.Group, garbage.ToArray());
        }
    }

    /// <summary>
    /// Removes the entries that every group has processed: those below the lowest pending id of each group, or up to
    /// its last delivered id when nothing is pending. Entries not yet delivered are never touched.
    /// </summary>
    private async Task TrimAsync()
    {
        try
        {
            (ulong, ulong)? bound = null;
            foreach (var group in await database.StreamGroupInfoAsync(streamKey))
            {
                var groupBound = ParseId(group.LastDeliveredId);
                if (group.PendingMessageCount > 0)
                {
                    var pending = await database.StreamPendingAsync(streamKey, group.Name);
                    if (pending.PendingMessageCount > 0)
                    {
                        var lowest = ParseId(pending.LowestPendingMessageId);
                        groupBound = lowest.CompareTo(groupBound) < 0 ? lowest : groupBound;
                    }
                }

                bound = bound is null || groupBound.CompareTo(bound.Value) < 0 ? groupBound : bound;
            }

            if (bound is { } minId && minId != (0UL, 0UL))
            {
                await database.StreamTrimByMinIdAsync(streamKey, $"{minId.Item1}-{minId.Item2}", useApproximateMaxLength: true);
            }

            await RemoveDeadConsumersAsync();
        }
        catch (RedisException ex)
        {
            // Housekeeping only: the acknowledgement itself succeeded, and the next trim covers this one.
            LogTrimFailed(logger, ex, streamKey.ToString());
        }
    }

    /// <summary>
    /// Forgets consumers that have held nothing for a long time (workers that crashed and whose entries were claimed),
    /// so the group's member list does not grow with every crash.
    /// </summary>
    private async Task RemoveDeadConsumersAsync()
    {
        var idleLimit = (long)_deadConsumerIdleTime.TotalMilliseconds;
        foreach (var consumer in await database.StreamConsumerInfoAsync(streamKey, options.Group))
        {
            if (consumer.PendingMessageCount == 0 && consumer.IdleTimeInMilliseconds > idleLimit && consumer.Name != name)
            {
                await database.StreamDeleteConsumerAsync(streamKey, options.Group, consumer.Name);
            }
        }
    }

    private static (ulong, ulong) ParseId(RedisValue id)
    {
        var text = id.ToString();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? (ulong.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 0UL)
            : (ulong.Parse(text.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture),
                ulong.Parse(text.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
    }

    private long ToTimestampTicks(TimeSpan interval) => (long)(interval.TotalSeconds * timeProvider.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: entry {EntryId} is not a readable click event; acknowledged and skipped")]
    private static partial void LogUnreadableEntry(ILogger logger, string stream, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: entry {EntryId} holds {Count} unreadable click events; skipped, the rest kept")]
    private static partial void LogUnreadableEvents(ILogger logger, string stream, string entryId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: consumer group {Group} is missing; creating it again")]
    private static partial void LogGroupMissing(ILogger logger, string stream, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: trimming processed entries failed")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception, string stream);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumer {Consumer} could not leave its group cleanly")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string consumer);
}
