using System.Threading.Channels;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.InProcess;

/// <summary>
/// The embedded mode's queue: a bounded channel between the publisher and the workers hosted in the same process.
/// Nothing survives the process, so delivery is at most once across a crash; that is the accepted price of running
/// without Redis or Kafka, and the reason the durable transports exist.
/// </summary>
public sealed class ChannelClickQueue : IClickQueue, IClickQueueConsumerFactory
{
    private readonly Channel<ClickEvent> _channel;
    private readonly TimeProvider _timeProvider;

    public ChannelClickQueue(int capacity, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        _channel = Channel.CreateBounded<ClickEvent>(new BoundedChannelOptions(capacity)
        {
            // Wait rather than drop: the publisher has its own buffer and counts its own overflow, so a full channel
            // must slow it down instead of losing clicks here where nobody would notice.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Events waiting to be consumed; for metrics and tests.</summary>
    public int Count => _channel.Reader.Count;

    public async Task PublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken cancellationToken)
    {
        var writer = _channel.Writer;
        foreach (var click in batch)
        {
            if (!writer.TryWrite(click))
            {
                await writer.WriteAsync(click, cancellationToken);
            }
        }
    }

    public IClickQueueConsumer Create(string consumerName) => new Consumer(_channel.Reader, _timeProvider);

    private sealed class Consumer(ChannelReader<ClickEvent> reader, TimeProvider timeProvider) : IClickQueueConsumer
    {
        public async Task<ReceivedBatch> ReceiveAsync(int maxEvents, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
            List<ClickEvent>? events = null;
            using var deadline = new CancellationTokenSource(maxWait, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                while (true)
                {
                    while (reader.TryRead(out var click))
                    {
                        events ??= new List<ClickEvent>(Math.Min(maxEvents, 1024));
                        events.Add(click);
                        if (events.Count == maxEvents)
                        {
                            return new ReceivedBatch(events, null);
                        }
                    }

                    if (!await reader.WaitToReadAsync(linked.Token))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (events is not null || !cancellationToken.IsCancellationRequested)
            {
                // maxWait elapsed: a partial batch is the normal outcome at low traffic. On shutdown, events already
                // taken from the channel are handed over rather than dropped, since nothing could redeliver them.
            }

            return events is null ? ReceivedBatch.Empty : new ReceivedBatch(events, null);
        }

        // Events left the channel when they were read; there is nothing to confirm (see the class comment).
        public Task AcknowledgeAsync(ReceivedBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
