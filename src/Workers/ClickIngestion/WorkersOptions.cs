using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Workers.ClickIngestion;

/// <summary>Section <c>Workers</c>.</summary>
public sealed class WorkersOptions
{
    public const string Section = "Workers";

    /// <summary>Runs the ingestion workers inside the web process (the embedded mode needs it).</summary>
    public bool HostInWeb { get; set; } = true;

    /// <summary>Consumers per process; each takes its own batches from the queue.</summary>
    [Range(1, 32, ErrorMessage = "Workers:Concurrency must be between 1 and 32.")]
    public int Concurrency { get; set; } = 1;

    /// <summary>Most events per stored batch (the spec's 1,000).</summary>
    [Range(1, 10_000, ErrorMessage = "Workers:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Longest wait for a batch to fill before storing what has arrived (the spec's 1 second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Workers:BatchWait must be between 10 ms and 1 minute.")]
    public TimeSpan BatchWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping worker may keep storing what it holds and what is already queued.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Workers:ShutdownGrace must be at most 5 minutes.")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);
}
