using System.Diagnostics.Metrics;

namespace UrlShortener.Workers.ClickIngestion;

/// <summary>Throughput, duplicates and lag of click ingestion.</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "UrlShortener.Ingestion";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _lag;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _failures;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stored = meter.CreateCounter<long>("urlshortener.ingestion.stored", description: "Click events stored for the first time.");
        _duplicates = meter.CreateCounter<long>("urlshortener.ingestion.duplicates",
            description: "Click events delivered again and skipped by the store.");
        _lag = meter.CreateHistogram<double>("urlshortener.ingestion.lag", unit: "s",
            description: "Time from the redirect to the stored aggregate, per batch (its oldest event).");
        _batchDuration = meter.CreateHistogram<double>("urlshortener.ingestion.batch.duration", unit: "s",
            description: "Time to enrich and store one batch.");
        _failures = meter.CreateCounter<long>("urlshortener.ingestion.failures", description: "Failed receive or store attempts.");
    }

    public void Stored(int stored, int delivered, double lagSeconds, double batchSeconds)
    {
        _stored.Add(stored);
        _duplicates.Add(delivered - stored);
        _lag.Record(lagSeconds);
        _batchDuration.Record(batchSeconds);
    }

    public void Failed() => _failures.Add(1);
}
