using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>
/// The bounded in-memory buffer between redirects and the publisher. A full buffer never blocks a redirect and never
/// loses a click: the overflow waits in a side queue that the publisher writes to the spill folder.
/// </summary>
public sealed class ClickBuffer(IOptions<ClickCaptureOptions> options, ClickMetrics metrics) : IClickEventSink
{
    private readonly Channel<ClickEvent> _channel = Channel.CreateBounded<ClickEvent>(new BoundedChannelOptions(options.Value.BufferCapacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentQueue<ClickEvent> _overflow = new();

    public ChannelReader<ClickEvent> Reader => _channel.Reader;

    public bool HasOverflow => !_overflow.IsEmpty;

    public void Record(ClickEvent click)
    {
        metrics.Captured();
        if (!_channel.Writer.TryWrite(click))
        {
            metrics.Overflowed();
            _overflow.Enqueue(click);
        }
    }

    /// <summary>Takes everything that overflowed so far (for the spill).</summary>
    public List<ClickEvent> DrainOverflow()
    {
        var drained = new List<ClickEvent>();
        while (_overflow.TryDequeue(out var click))
        {
            drained.Add(click);
        }

        return drained;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
