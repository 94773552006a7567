using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>
/// Moves captured clicks from the buffer to the transport in batches. Anything the transport does not take
/// (failure, outage) and anything that overflowed the buffer goes to the spill folder, and is replayed from
/// there once the transport answers again: a click is delayed, never dropped.
/// </summary>
public sealed partial class ClickPublisher(
    ClickBuffer buffer,
    ClickSpill spill,
    IClickQueue queue,
    ClickMetrics metrics,
    IOptions<ClickCaptureOptions> options,
    IOptions<ClicksOptions> transport,
    ILogger<ClickPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly int _batchSize = options.Value.PublishBatchSize;
    private TimeSpan _backoff = TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ClickEvent>(_batchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            spill.Write(buffer.DrainOverflow());
            if (!await WaitForClicksAsync(stoppingToken))
            {
                break;
            }

            batch.Clear();
            while (batch.Count < _batchSize && buffer.Reader.TryRead(out var click))
            {
                batch.Add(click);
            }

            if (batch.Count > 0)
            {
                await PublishOrSpillAsync(batch, stoppingToken);
            }
            else if (_backoff == TimeSpan.Zero)
            {
                await ReplayOneSpillFileAsync(stoppingToken);
            }
        }

        await DrainAsync();
    }

    /// <summary>True when clicks are waiting or a tick has passed; false once the host stops.</summary>
    private async Task<bool> WaitForClicksAsync(CancellationToken stoppingToken)
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

        return !stoppingToken.IsCancellationRequested;
    }

    private async Task PublishOrSpillAsync(List<ClickEvent> batch, CancellationToken stoppingToken)
    {
        if (await TryPublishAsync(batch, stoppingToken))
        {
            metrics.Published(batch.Count);
            return;
        }

        spill.Write(batch);
    }

    private async Task ReplayOneSpillFileAsync(CancellationToken stoppingToken)
    {
        if (spill.Oldest() is not { } file)
        {
            return;
        }

        var clicks = ClickSpill.Read(file);
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
            LogPublishFailed(logger, ex, batch.Count, _backoff);
            try
            {
                await Task.Delay(_backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }

            return false;
        }
    }

    /// <summary>
    /// On shutdown everything still in memory is kept: published to a durable transport if it answers within a few
    /// seconds, otherwise (and always for the in-process queue, whose consumers are stopping too) spilled to disk
    /// for the next start to replay.
    /// </summary>
    private async Task DrainAsync()
    {
        buffer.Complete();
        var remaining = new List<ClickEvent>();
        while (buffer.Reader.TryRead(out var click))
        {
            remaining.Add(click);
        }

        remaining.AddRange(buffer.DrainOverflow());
        if (remaining.Count == 0)
        {
            return;
        }

        if (transport.Value.Transport == ClickTransport.InProcess)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} clicks; they are kept in the spill folder. Next try in {Backoff}.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, TimeSpan backoff);
}
