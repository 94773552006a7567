using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Workers.Infrastructure.Kafka;

/// <summary>
/// Section <c>Kafka</c>, read when <c>Clicks:Transport</c> is <c>Kafka</c>. <see cref="Producer"/> and
/// <see cref="Consumer"/> pass librdkafka settings through unchanged (<c>Kafka:Producer:linger.ms</c>,
/// <c>Kafka:Consumer:security.protocol</c>, ...), except those the delivery guarantees depend on.
/// </summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list; required with the Kafka transport.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kafka:BootstrapServers is required when Clicks:Transport is 'Kafka'.")]
    public string? BootstrapServers { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Kafka:Topic must not be empty.")]
    public string Topic { get; set; } = "clicks";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Kafka:GroupId must not be empty.")]
    public string GroupId { get; set; } = "click-ingestion";

    public Dictionary<string, string> Producer { get; set; } = [];

    public Dictionary<string, string> Consumer { get; set; } = [];
}
