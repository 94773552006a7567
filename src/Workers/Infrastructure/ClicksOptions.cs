using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Workers.Infrastructure;

/// <summary>Section <c>Clicks</c>: which transport carries click events, and the in-process queue's size.</summary>
public sealed class ClicksOptions
{
    public const string Section = "Clicks";

    public ClickTransport Transport { get; set; } = ClickTransport.InProcess;

    /// <summary>
    /// Capacity of the in-process channel, in events. A million events is some hundreds of megabytes at worst and well
    /// over a minute of the spec's peak: room to ride out a slow database before the publisher has to wait.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "Clicks:InProcessCapacity must be at least 1.")]
    public int InProcessCapacity { get; set; } = 1_000_000;
}
