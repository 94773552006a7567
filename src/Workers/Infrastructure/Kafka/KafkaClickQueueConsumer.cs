using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.Kafka;

/// <summary>
/// One member of the topic's consumer group. The Confluent consumer blocks in <c>Consume</c> and is not meant to be
/// used from several threads, so every call on it runs on a thread of its own; callers only await.
/// </summary>
/// <remarks>
/// A batch that is never acknowledged is read again only by the next owner of its partitions (after this consumer is
/// disposed, or after a rebalance); the worker replaces its consumer when a store fails.
/// </remarks>
internal sealed partial class KafkaClickQueueConsumer : IClickQueueConsumer
{
    // Short Consume calls keep the loop responsive to cancellation and to the batch deadline.
    private const int ConsumeSliceMilliseconds = 100;

    private static readonly ErrorCode[] RebalanceErrors =
        [ErrorCode.RebalanceInProgress, ErrorCode.IllegalGeneration, ErrorCode.UnknownMemberId, ErrorCode.Local_State];

    private readonly IConsumer<Ignore, byte[]> _consumer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BlockingCollection<Action> _work = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);
    private int _disposed;

    public KafkaClickQueueConsumer(ConsumerConfig config, string topic, TimeProvider timeProvider, ILogger<KafkaClickQueueConsumer> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _consumer = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetLogHandler((_, message) => KafkaClientLog.Log(_logger, message))
            .SetErrorHandler((_, error) => KafkaClientLog.Error(_logger, error))
            // No rebalance handlers on purpose: with one set, Close() can deadlock inside librdkafka's rebalance
            // callback (seen under load); the default rebalancing is what we want anyway.
            .Build();
        _consumer.Subscribe(topic);
        new Thread(RunWork) { IsBackground = true, Name = $"kafka-consumer {config.ClientId}" }.Start();
    }

    /// <summary>The partitions this member owns now; tests wait on it to know the group has settled.</summary>
    internal IReadOnlySet<TopicPartition> Assignment => _consumer.Assignment.ToHashSet();

    public Task<ReceivedBatch> ReceiveAsync(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        return RunAsync(() => ConsumeBatch(maxEvents, maxWait, cancellationToken));
    }

    public Task AcknowledgeAsync(ReceivedBatch batch, CancellationToken cancellationToken) => batch.Position switch
    {
        null => Task.CompletedTask,
        IReadOnlyDictionary<TopicPartition, Offset> offsets => RunAsync(() => Commit(offsets)),
        _ => throw new ArgumentException("The batch was not received from Kafka.", nameof(batch)),
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var closed = false;
        try
        {
            // Close leaves the group at once, so the partitions move to a peer now rather than after the session
            // timeout. It is bounded: a close that hangs must not hang the host's shutdown with it.
            await RunAsync(_consumer.Close).WaitAsync(CloseTimeout);
            closed = true;
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException)
        {
            LogCloseFailed(_logger, ex);
        }
        finally
        {
            _work.CompleteAdding();
            if (closed)
            {
                await _stopped.Task;
                _consumer.Dispose();
                _work.Dispose();
            }
        }
    }

    private ReceivedBatch ConsumeBatch(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        List<ClickEvent>? events = null;
        Dictionary<TopicPartition, Offset>? offsets = null;
        var count = 0;
        while (count < maxEvents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = maxWait - _timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            ConsumeResult<Ignore, byte[]>? result;
            try
            {
                result = _consumer.Consume(Math.Min(ConsumeSliceMilliseconds, (int)Math.Ceiling(remaining.TotalMilliseconds)));
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                // For instance the topic does not exist yet: the client keeps trying, and so does the worker.
                LogConsumeError(_logger, ex.Error.Code, ex.Error.Reason);
                continue;
            }

            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }

            // Committing past an unreadable message is deliberate: it would fail the same way on every redelivery.
            (offsets ??= [])[result.TopicPartition] = result.Offset + 1;
            var click = TryDeserialize(result.Message.Value);
            if (click is null)
            {
                LogUnreadableMessage(_logger, result.TopicPartitionOffset.ToString());
                continue;
            }

            (events ??= new List<ClickEvent>(Math.Min(maxEvents, 1024))).Add(click);
            count++;
        }

        return offsets is null ? ReceivedBatch.Empty : new ReceivedBatch(events ?? [], offsets);
    }

    private void Commit(IReadOnlyDictionary<TopicPartition, Offset> offsets)
    {
        try
        {
            _consumer.Commit(offsets.Select(o => new TopicPartitionOffset(o.Key, o.Value)));
        }
        catch (TopicPartitionOffsetException ex) when (ex.Results.All(r => !r.Error.IsError || RebalanceErrors.Contains(r.Error.Code)))
        {
            LogCommitLostToRebalance(_logger, ex.Error.Reason);
        }
        catch (KafkaException ex) when (RebalanceErrors.Contains(ex.Error.Code))
        {
            // The partitions moved to another member, which starts from the last committed offset: the batch will be
            // delivered again and the store's event ids make the replay a no-op.
            LogCommitLostToRebalance(_logger, ex.Error.Reason);
        }
    }

    private static ClickEvent? TryDeserialize(byte[]? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        try
        {
            var click = JsonSerializer.Deserialize<ClickEvent>(value);
            return click is null || click.EventId == Guid.Empty || string.IsNullOrEmpty(click.ShortCode) ? null : click;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task RunAsync(Action operation) => RunAsync(() =>
    {
        operation();
        return true;
    });

    private Task<T> RunAsync<T>(Func<T> operation)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(() =>
            {
                try
                {
                    completion.SetResult(operation());
                }
                catch (Exception ex)
                {
                    completion.SetException(ex);
                }
            });
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(KafkaClickQueueConsumer));
        }

        return completion.Task;
    }

    private void RunWork()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }

        _stopped.SetResult();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka message {Position} is not a readable click event; skipped")]
    private static partial void LogUnreadableMessage(ILogger logger, string position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consume error ({Code}): {Reason}")]
    private static partial void LogConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka commit lost to a rebalance; the batch will be delivered again: {Reason}")]
    private static partial void LogCommitLostToRebalance(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer did not close cleanly")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
