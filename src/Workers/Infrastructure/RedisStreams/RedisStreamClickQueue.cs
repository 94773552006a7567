using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>
/// Click queue on a Redis stream: one entry per event (field <c>e</c>, the event as JSON), read by a consumer group.
/// </summary>
public sealed class RedisStreamClickQueue : IClickQueue, IClickQueueConsumerFactory
{
    internal static readonly RedisValue EventField = "e";

    private static int _consumerCounter;

    private readonly IDatabase _database;
    private readonly RedisKey _streamKey;
    private readonly RedisStreamsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _consumerNamePrefix;

    public RedisStreamClickQueue(
        IConnectionMultiplexer redis,
        RedisStreamsOptions options,
        string keyPrefix,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        _database = redis.GetDatabase();
        _streamKey = keyPrefix + options.Stream;
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _consumerNamePrefix = string.IsNullOrWhiteSpace(options.ConsumerName)
            ? $"{Environment.MachineName}-{Environment.ProcessId}"
            : $"{options.ConsumerName}-{Environment.ProcessId}";
    }

    /// <summary>The full key of the stream, prefix included.</summary>
    public RedisKey StreamKey => _streamKey;

    public async Task PublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // One batch object sends every XADD back to back, so the whole publish costs one round trip.
        var redisBatch = _database.CreateBatch();
        var adds = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            RedisValue json = JsonSerializer.SerializeToUtf8Bytes(batch[i]);
            adds[i] = redisBatch.StreamAddAsync(
                _streamKey, EventField, json, messageId: null, maxLength: _options.MaxLength > 0 ? _options.MaxLength : null, useApproximateMaxLength: true);
        }

        redisBatch.Execute();
        await Task.WhenAll(adds).WaitAsync(cancellationToken);
    }

    public IClickQueueConsumer Create(string consumerName)
    {
        // The counter keeps a replacement consumer from inheriting the pending entries of the one it replaces:
        // those are reclaimed through XAUTOCLAIM like any dead consumer's.
        var name = $"{_consumerNamePrefix}-{consumerName}-{Interlocked.Increment(ref _consumerCounter)}";
        return new RedisStreamClickQueueConsumer(
            _database, _streamKey, name, _options, _timeProvider, _loggerFactory.CreateLogger<RedisStreamClickQueueConsumer>());
    }
}
