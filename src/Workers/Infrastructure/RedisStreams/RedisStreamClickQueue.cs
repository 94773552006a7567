using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>
/// Click queue on a Redis stream, read by a consumer group. An entry carries a chunk of events (field <c>b</c>, a JSON
/// array of up to <see cref="RedisStreamsOptions.EventsPerEntry"/>); entries of one event each (field <c>e</c>), the
/// format before chunks, are still read.
/// </summary>
public sealed class RedisStreamClickQueue : IClickQueue, IClickQueueConsumerFactory
{
    internal static readonly RedisValue ChunkField = "b";

    /// <summary>The single-event field of entries written before chunks; only read, so a rolling upgrade loses nothing.</summary>
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

        var size = _options.EventsPerEntry;
        var maxLength = _options.MaxLength > 0 ? _options.MaxLength : (long?)null;
        // One batch object sends every XADD back to back, so the whole publish costs one round trip.
        var redisBatch = _database.CreateBatch();
        var adds = new Task[(batch.Count + size - 1) / size];
        for (var i = 0; i < adds.Length; i++)
        {
            RedisValue json = JsonSerializer.SerializeToUtf8Bytes(Chunk(batch, i * size, size));
            adds[i] = redisBatch.StreamAddAsync(
                _streamKey, ChunkField, json, messageId: null, maxLength: maxLength, useApproximateMaxLength: true);
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

    private static IReadOnlyList<ClickEvent> Chunk(IReadOnlyList<ClickEvent> batch, int start, int size)
    {
        if (start == 0 && batch.Count <= size)
        {
            return batch;
        }

        var chunk = new ClickEvent[Math.Min(size, batch.Count - start)];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = batch[start + i];
        }

        return chunk;
    }
}
