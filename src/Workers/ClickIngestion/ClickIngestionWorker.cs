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
/// seconds, which must not hold up the start of the web app that hosts this worker. On stop, the worker keeps
/// going for <see cref="WorkersOptions.ShutdownGrace"/> to finish its batch and empty what is already queued.
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        // Built here, off the start-up path, and before any event is taken: an enricher that cannot be built stops
        // the host loudly instead of failing batch after batch.
        _ = enricher.Value;

        // Processing outlives the stop signal by a grace period, so that a batch in hand is stored and acknowledged
        // and an in-process queue is emptied, rather than abandoned half-way.
        using var processing = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => processing.CancelAfter(options.Value.ShutdownGrace));
        var settings = options.Value;
        var loops = Enumerable.Range(0, settings.Concurrency)
            .Select(i => ConsumeAsync($"ingestion-{i}", settings, stoppingToken, processing.Token));
        await Task.WhenAll(loops);
    }, CancellationToken.None);

    private async Task ConsumeAsync(string name, WorkersOptions settings, CancellationToken stoppingToken, CancellationToken processingToken)
    {
        await using var consumer = consumers.Create(name);
        var backoff = TimeSpan.Zero;
        while (!processingToken.IsCancellationRequested)
        {
            try
            {
                // After the stop signal: take only what is already there, and end once the queue is empty.
                var stopping = stoppingToken.IsCancellationRequested;
                var batch = await consumer.ReceiveAsync(
                    settings.BatchSize, stopping ? TimeSpan.FromMilliseconds(50) : settings.BatchWait, stopping ? processingToken : stoppingToken);
                if (batch.Events.Count > 0)
                {
                    await ProcessAsync(consumer, batch, processingToken);
                }
                else if (stopping)
                {
                    return;
                }

                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (processingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The stop signal interrupted a wait: go round once more to drain what is queued.
            }
            catch (Exception ex)
            {
                metrics.Failed();
                backoff = NextBackoff(backoff);
                LogReceiveFailed(logger, ex, name, backoff);
                await DelayAsync(backoff, processingToken);
            }
        }
    }

    private async Task ProcessAsync(IClickQueueConsumer consumer, ReceivedBatch batch, CancellationToken processingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var enriched = new List<EnrichedClick>(batch.Events.Count);
        foreach (var click in batch.Events)
        {
            enriched.Add(enricher.Value.Enrich(click));
        }

        var stored = await StoreUntilDoneAsync(enriched, processingToken);
        await consumer.AcknowledgeAsync(batch, processingToken);
        await BumpLiveCounterAsync(stored, processingToken);

        var oldest = batch.Events.Min(e => e.OccurredAt);
        metrics.Stored(stored.Count, enriched.Count, (time.GetUtcNow() - oldest).TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<IReadOnlyList<EnrichedClick>> StoreUntilDoneAsync(List<EnrichedClick> clicks, CancellationToken processingToken)
    {
        var backoff = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return await store.StoreAsync(clicks, processingToken);
            }
            catch (Exception ex) when (!processingToken.IsCancellationRequested)
            {
                metrics.Failed();
                backoff = NextBackoff(backoff);
                LogStoreFailed(logger, ex, clicks.Count, backoff);
                await DelayAsync(backoff, processingToken);
                processingToken.ThrowIfCancellationRequested();
            }
        }
    }

    private async Task BumpLiveCounterAsync(IReadOnlyList<EnrichedClick> stored, CancellationToken processingToken)
    {
        try
        {
            await liveCounter.AddAsync(stored, processingToken);
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
