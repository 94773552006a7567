using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.Kafka;

/// <summary>
/// Click queue on a Kafka topic: keyed by short code (so one link's clicks stay in order on one partition), the
/// event as JSON, written by an idempotent producer with <c>acks=all</c> and read by a consumer group that commits
/// only what has been stored.
/// </summary>
public sealed class KafkaClickQueue : IClickQueue, IClickQueueConsumerFactory, IDisposable
{
    /// <summary>Settings the delivery guarantees rest on; <c>Kafka:Producer</c> may not override them.</summary>
    internal static readonly IReadOnlySet<string> ProtectedProducerSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bootstrap.servers", "enable.idempotence", "acks", "request.required.acks",
    };

    /// <summary>Settings the delivery guarantees rest on; <c>Kafka:Consumer</c> may not override them.</summary>
    internal static readonly IReadOnlySet<string> ProtectedConsumerSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bootstrap.servers", "group.id", "enable.auto.commit", "enable.auto.offset.store", "auto.offset.reset",
    };

    private static readonly TimeSpan QueueFullBackoff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FlushOnDisposeTimeout = TimeSpan.FromSeconds(10);
    private static int _consumerCounter;

    private readonly KafkaOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    // Created on first publish, so that a worker-only process never opens producer connections.
    private readonly Lazy<IProducer<string, byte[]>> _producer;

    public KafkaClickQueue(KafkaOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            throw new ArgumentException("Kafka:BootstrapServers is required.", nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KafkaClickQueue>();
        _producer = new Lazy<IProducer<string, byte[]>>(CreateProducer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task PublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var producer = _producer.Value;
        var deliveries = new BatchDelivery(batch.Count);
        foreach (var click in batch)
        {
            var message = new Message<string, byte[]> { Key = click.ShortCode, Value = JsonSerializer.SerializeToUtf8Bytes(click) };
            while (true)
            {
                try
                {
                    producer.Produce(_options.Topic, message, deliveries.OnDelivered);
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // The client's local queue is full of messages still in flight: wait for some to be delivered.
                    await Task.Delay(QueueFullBackoff, _timeProvider, cancellationToken);
                }
            }
        }

        await deliveries.Completion.WaitAsync(cancellationToken);
    }

    public IClickQueueConsumer Create(string consumerName)
    {
        var clientId = $"{consumerName}-{Environment.ProcessId}-{Interlocked.Increment(ref _consumerCounter)}";
        return new KafkaClickQueueConsumer(
            BuildConsumerConfig(_options, clientId), _options.Topic, _timeProvider, _loggerFactory.CreateLogger<KafkaClickQueueConsumer>());
    }

    private int _disposed;

    public void Dispose()
    {
        // The container disposes this instance once per registration it is exposed under (queue and consumer
        // factory), so only the first call may touch the producer.
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || !_producer.IsValueCreated)
        {
            return;
        }

        // Publishers await their deliveries, so little should be in flight; give it a moment rather than drop it.
        _producer.Value.Flush(FlushOnDisposeTimeout);
        _producer.Value.Dispose();
    }

    internal static ProducerConfig BuildProducerConfig(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            ClientId = $"urlshortener-{Environment.MachineName}",
            // A few milliseconds of batching costs nothing next to the publisher's own buffering and saves requests.
            LingerMs = 5,
        };
        foreach (var (key, value) in options.Producer)
        {
            config.Set(key, value);
        }

        config.BootstrapServers = options.BootstrapServers;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        return config;
    }

    internal static ConsumerConfig BuildConsumerConfig(KafkaOptions options, string clientId)
    {
        var config = new ConsumerConfig { ClientId = clientId };
        foreach (var (key, value) in options.Consumer)
        {
            config.Set(key, value);
        }

        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = options.GroupId;
        // Offsets are committed by AcknowledgeAsync only, after the batch is stored: never on a timer.
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        // A new group starts at the oldest retained click, not at the next one: nothing published before the first
        // worker ran is skipped.
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        return config;
    }

    private IProducer<string, byte[]> CreateProducer() =>
        new ProducerBuilder<string, byte[]>(BuildProducerConfig(_options))
            .SetLogHandler((_, message) => KafkaClientLog.Log(_logger, message))
            .SetErrorHandler((_, error) => KafkaClientLog.Error(_logger, error))
            .Build();

    /// <summary>Completes when every message of one batch has a delivery report; fails if any was not delivered.</summary>
    private sealed class BatchDelivery(int count)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly int _count = count;
        private int _remaining = count;
        private int _failed;
        private Error? _firstError;

        public Task Completion => _completion.Task;

        // Runs on librdkafka's delivery thread: keep it short.
        public void OnDelivered(DeliveryReport<string, byte[]> report)
        {
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref _firstError, report.Error, null);
                Interlocked.Increment(ref _failed);
            }

            if (Interlocked.Decrement(ref _remaining) > 0)
            {
                return;
            }

            if (_firstError is { } error)
            {
                _completion.SetException(new KafkaException(new Error(
                    error.Code, $"{_failed} of {_count} click events were not delivered: {error.Reason}", error.IsFatal)));
            }
            else
            {
                _completion.SetResult();
            }
        }
    }
}
