using System.Diagnostics.Metrics;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>The capture side of analytics: what was captured, published, spilled and replayed.</summary>
public sealed class ClickMetrics
{
    public const string MeterName = "UrlShortener.Clicks";

    private readonly Counter<long> _captured;
    private readonly Counter<long> _overflowed;
    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _spilled;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _damaged;

    public ClickMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _captured = meter.CreateCounter<long>("urlshortener.clicks.captured", description: "Clicks recorded by redirects.");
        _overflowed = meter.CreateCounter<long>("urlshortener.clicks.overflowed",
            description: "Clicks that found the in-memory buffer full and went to the spill instead.");
        _published = meter.CreateCounter<long>("urlshortener.clicks.published", description: "Clicks handed to the transport.");
        _publishFailures = meter.CreateCounter<long>("urlshortener.clicks.publish_failures", description: "Failed publish attempts.");
        _spilled = meter.CreateCounter<long>("urlshortener.clicks.spilled", description: "Clicks written to the spill folder.");
        _replayed = meter.CreateCounter<long>("urlshortener.clicks.replayed", description: "Spilled clicks published later.");
        _damaged = meter.CreateCounter<long>("urlshortener.clicks.spill_lines_damaged",
            description: "Unreadable lines found in spill files (lost clicks: investigate).");
    }

    public void Captured() => _captured.Add(1);

    public void Overflowed() => _overflowed.Add(1);

    public void Published(int count) => _published.Add(count);

    public void PublishFailed() => _publishFailures.Add(1);

    public void Spilled(int count) => _spilled.Add(count);

    public void Replayed(int count) => _replayed.Add(count);

    public void SpillLinesDamaged(int count)
    {
        if (count > 0)
        {
            _damaged.Add(count);
        }
    }
}
