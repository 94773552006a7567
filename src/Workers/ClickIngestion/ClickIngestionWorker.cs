using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.ClickIngestion;

/// <summary>
/// Receive a batch (up to 1,000 events or 1 s), enrich, store, and only then acknowledge. A batch that cannot be
/// stored is retried in place with back-off, never skipped: acknowledging later batches first would lose it on
/// transports that acknowledge by offset. The enricher is lazy because loading the user-agent rules takes a few
/// seconds, which must not hold up the start of the web app that hosts this worker.
/// </summary>
public sealed partial class ClickIngestionWorker(
    IClickQueueConsumerFactory consumers,
    Lazy<ClickEnricher> enricher,
    IClickStore store,
    ILiveClickCounter liveCounter,
    IngestionMetrics metrics,
    TimeProvider time,
    IOptions<WorkersOptions> options,
    ILogger<ClickIngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var loops = Enumerable.Range(0, settings.Concurrency)
            .Select(i => Task.Run(() => ConsumeAsync($"{Environment.MachineName}-{Environment.ProcessId}-{i}", settings, stoppingToken), stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task ConsumeAsync(string name, WorkersOptions settings, CancellationToken stoppingToken)
    {
        await using var consumer = consumers.Create(name);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await consumer.ReceiveAsync(settings.BatchSize, settings.BatchWait, stoppingToken);
                if (batch.Events.Count > 0)
                {
                    await ProcessAsync(consumer, batch, stoppingToken);
                }

                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                metrics.Failed();
                backoff = NextBackoff(backoff);
                LogReceiveFailed(logger, ex, name, backoff);
                await DelayAsync(backoff, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(IClickQueueConsumer consumer, ReceivedBatch batch, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var enriched = new List<EnrichedClick>(batch.Events.Count);
        foreach (var click in batch.Events)
        {
            enriched.Add(enricher.Value.Enrich(click));
        }

        var stored = await StoreUntilDoneAsync(enriched, stoppingToken);
        await consumer.AcknowledgeAsync(batch, stoppingToken);
        await BumpLiveCounterAsync(stored, stoppingToken);

        var oldest = batch.Events.Min(e => e.OccurredAt);
        metrics.Stored(stored.Count, enriched.Count, (time.GetUtcNow() - oldest).TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<IReadOnlyList<EnrichedClick>> StoreUntilDoneAsync(List<EnrichedClick> clicks, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return await store.StoreAsync(clicks, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.Failed();
                backoff = NextBackoff(backoff);
                LogStoreFailed(logger, ex, clicks.Count, backoff);
                await DelayAsync(backoff, stoppingToken);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
    }

    private async Task BumpLiveCounterAsync(IReadOnlyList<EnrichedClick> stored, CancellationToken stoppingToken)
    {
        try
        {
            await liveCounter.AddAsync(stored, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database already holds the truth; a missed live increment is not worth holding the queue for.
            LogLiveCounterFailed(logger, ex, stored.Count);
        }
    }

    private static TimeSpan NextBackoff(TimeSpan current) =>
        current == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(current.Ticks * 2, MaxBackoff.Ticks));

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} could not receive clicks; retrying in {Backoff}.")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string consumer, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add {Count} clicks to the live Redis counters.")]
    private static partial void LogLiveCounterFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store a batch of {Count} clicks; retrying in {Backoff} (it stays unacknowledged).")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, TimeSpan backoff);
}
