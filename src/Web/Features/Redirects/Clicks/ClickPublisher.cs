using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>
/// Moves captured clicks from the buffer to the transport in batches. Anything the transport does not take
/// (failure, outage) and anything that overflowed the buffer goes to the spill folder, and is replayed from
/// there once the transport answers again: a click is delayed, never dropped. While the transport is down the
/// buffer is emptied to disk at once instead of waiting in memory, and only one probe at a time goes out.
/// </summary>
public sealed partial class ClickPublisher(
    ClickBuffer buffer,
    ClickSpill spill,
    IClickQueue queue,
    ClickMetrics metrics,
    TimeProvider time,
    IOptions<ClickCaptureOptions> options,
    IOptions<ClicksOptions> transport,
    ILogger<ClickPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly int _batchSize = options.Value.PublishBatchSize;
    private readonly TimeSpan _linger = options.Value.PublishLinger;
    private TimeSpan _backoff = TimeSpan.Zero;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    private bool TransportHealthy => _backoff == TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ClickEvent>(_batchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(batch, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // A disk or transport surprise must not stop the host (and lose the buffer with it).
                    LogLoopFailed(logger, ex);
                    await DelayAsync(Tick, stoppingToken);
                }
            }
        }
        finally
        {
            // The batch in hand, the buffer and the overflow: nothing in memory is left behind at shutdown.
            await DrainAsync(batch);
        }
    }

    private async Task RunOnceAsync(List<ClickEvent> batch, CancellationToken stoppingToken)
    {
        spill.Write(buffer.DrainOverflow());
        batch.Clear();
        await WaitForClicksAsync(stoppingToken);
        var waiting = buffer.Reader.Count;
        if (_linger > TimeSpan.Zero && waiting > 0 && waiting < _batchSize)
        {
            await DelayAsync(_linger, stoppingToken);
        }

        while (batch.Count < _batchSize && buffer.Reader.TryRead(out var click))
        {
            batch.Add(click);
        }

        if (!TransportHealthy && time.GetUtcNow() < _nextAttempt)
        {
            // Down: to disk straight away, so that a crash during the outage loses nothing.
            spill.Write(batch);
            batch.Clear();
            return;
        }

        if (batch.Count > 0)
        {
            if (await TryPublishAsync(batch, stoppingToken))
            {
                metrics.Published(batch.Count);
            }
            else
            {
                spill.Write(batch);
            }

            batch.Clear();
        }
        else if (TransportHealthy || time.GetUtcNow() >= _nextAttempt)
        {
            await ReplayOneSpillFileAsync(stoppingToken);
        }
    }

    private async Task WaitForClicksAsync(CancellationToken stoppingToken)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        tick.CancelAfter(Tick);
        try
        {
            await buffer.Reader.WaitToReadAsync(tick.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReplayOneSpillFileAsync(CancellationToken stoppingToken)
    {
        if (spill.Oldest() is not { } file)
        {
            return;
        }

        var clicks = spill.Read(file);
        foreach (var chunk in clicks.Chunk(_batchSize))
        {
            if (!await TryPublishAsync(chunk, stoppingToken))
            {
                // The file stays; chunks already sent will be sent again, which the store shrugs off (event ids).
                return;
            }
        }

        ClickSpill.Delete(file);
        metrics.Replayed(clicks.Count);
    }

    private async Task<bool> TryPublishAsync(IReadOnlyList<ClickEvent> batch, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await queue.PublishAsync(batch, timeout.Token);
            _backoff = TimeSpan.Zero;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            metrics.PublishFailed();
            _backoff = _backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
            _nextAttempt = time.GetUtcNow() + _backoff;
            LogPublishFailed(logger, ex, batch.Count, _backoff);
            return false;
        }
    }

    /// <summary>
    /// On shutdown everything still in memory is kept: published to a durable transport if it answers within a few
    /// seconds, otherwise (and always for the in-process queue, whose consumers are stopping too) spilled to disk
    /// for the next start to replay.
    /// </summary>
    private async Task DrainAsync(List<ClickEvent> inHand)
    {
        buffer.Complete();
        var remaining = new List<ClickEvent>(inHand);
        while (buffer.Reader.TryRead(out var click))
        {
            remaining.Add(click);
        }

        remaining.AddRange(buffer.DrainOverflow());
        if (remaining.Count == 0)
        {
            return;
        }

        if (transport.Value.Transport == ClickTransport.InProcess || !TransportHealthy)
        {
            spill.Write(remaining);
            return;
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var chunk in remaining.Chunk(_batchSize))
        {
            try
            {
                await queue.PublishAsync(chunk, grace.Token);
                metrics.Published(chunk.Length);
            }
            catch (Exception ex)
            {
                LogPublishFailed(logger, ex, chunk.Length, TimeSpan.Zero);
                spill.Write(chunk);
            }
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} clicks; they are kept in the spill folder. Next try in {Backoff}.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "The click publisher hit an unexpected error; it carries on.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
