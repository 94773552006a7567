using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>Section <c>Clicks</c> (capture side; the transport itself is <c>Clicks:Transport</c>).</summary>
public sealed class ClickCaptureOptions
{
    public const string Section = "Clicks";

    /// <summary>Clicks held in memory between the redirect and the publisher; beyond it they are spilled to disk.</summary>
    [Range(1_000, 10_000_000, ErrorMessage = "Clicks:BufferCapacity must be between 1000 and 10000000.")]
    public int BufferCapacity { get; set; } = 200_000;

    /// <summary>Most events per message batch sent to the transport.</summary>
    [Range(1, 10_000, ErrorMessage = "Clicks:PublishBatchSize must be between 1 and 10000.")]
    public int PublishBatchSize { get; set; } = 1_000;

    /// <summary>
    /// How long the publisher lets a batch fill once the first click of it has arrived. A few milliseconds of
    /// ingestion delay turn a transport call and a thread wake-up per handful of clicks into one per hundreds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Clicks:PublishLinger must be at most 1 second.")]
    public TimeSpan PublishLinger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Folder for clicks that could not be buffered or published (relative to the content root).</summary>
    [Required(ErrorMessage = "Clicks:SpillPath is required.")]
    public string SpillPath { get; set; } = "data/click-spill";
}
