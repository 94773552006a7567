using System.Diagnostics.Metrics;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>Redirect outcomes, latency and cache effectiveness, exported through OpenTelemetry.</summary>
public sealed class RedirectMetrics
{
    public const string MeterName = "UrlShortener.Redirects";

    private static readonly KeyValuePair<string, object?> Redirected = new("outcome", "redirect");
    private static readonly KeyValuePair<string, object?> NotFound = new("outcome", "not_found");
    private static readonly KeyValuePair<string, object?> Gone = new("outcome", "gone");
    private static readonly KeyValuePair<string, object?> L1 = new("level", "l1");
    private static readonly KeyValuePair<string, object?> L2 = new("level", "l2");

    private readonly Counter<long> _redirects;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public RedirectMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _redirects = meter.CreateCounter<long>("urlshortener.redirects", description: "Short-link requests by outcome.");
        _duration = meter.CreateHistogram<double>("urlshortener.redirect.duration", unit: "s",
            description: "Time to answer a short-link request, from routing to the response headers.");
        _hits = meter.CreateCounter<long>("urlshortener.link_cache.hits", description: "Redirect cache hits by level (l1, l2).");
        _misses = meter.CreateCounter<long>("urlshortener.link_cache.misses",
            description: "Redirect cache misses that went to the database.");
    }

    public void L1Hit() => _hits.Add(1, L1);

    public void L2Hit() => _hits.Add(1, L2);

    public void Miss() => _misses.Add(1);

    public void Answered(int statusCode, double seconds)
    {
        var outcome = statusCode switch
        {
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status410Gone => Gone,
            _ => Redirected,
        };
        _redirects.Add(1, outcome);
        _duration.Record(seconds, outcome);
    }
}
