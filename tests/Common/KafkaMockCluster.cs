using Confluent.Kafka;

namespace UrlShortener.Tests.Common;

/// <summary>
/// librdkafka's in-process mock cluster (three brokers on loopback ports). The cluster lives inside the client that
/// asked for it, so that client is kept for the fixture's lifetime; the code under test connects to the brokers'
/// addresses like to any cluster. No broker needs to be installed.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    private readonly IProducer<byte[]?, byte[]?> _owner;
    private readonly IAdminClient _admin;

    public KafkaMockCluster()
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", "3");
        // The mock announces itself on standard error; nothing it says matters to the tests.
        _owner = new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        _admin = new DependentAdminClientBuilder(_owner.Handle).Build();
        var brokers = _admin.GetMetadata(MetadataTimeout).Brokers;
        BootstrapServers = string.Join(",", brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    /// <summary>
    /// Creates a topic and returns its partition count. The mock does not implement CreateTopics; it creates a topic
    /// with its default of four partitions when a producer asks for the topic's metadata.
    /// </summary>
    public int CreateTopic(string topic)
    {
        var metadata = _admin.GetMetadata(topic, MetadataTimeout).Topics.Single();
        if (metadata.Error.IsError)
        {
            throw new InvalidOperationException($"The mock cluster did not create topic {topic}: {metadata.Error.Reason}");
        }

        return metadata.Partitions.Count;
    }

    /// <summary>Writes a message as is, bypassing the code under test (for messages it would never write).</summary>
    public Task ProduceRawAsync(string topic, byte[]? key, byte[]? value) =>
        _owner.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = key, Value = value });

    public void Dispose()
    {
        _admin.Dispose();
        _owner.Dispose();
    }
}
