using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure;
using UrlShortener.Workers.Infrastructure.InProcess;
using UrlShortener.Workers.Infrastructure.Kafka;
using UrlShortener.Workers.Infrastructure.RedisStreams;

namespace UrlShortener.Workers.Tests.Transports;

public sealed class ClickQueueSetupTests(RedisTestServer redis) : IClassFixture<RedisTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsesOneInProcessQueueForBothPortsByDefault()
    {
        using var host = await StartAsync([]);

        var queue = host.Services.GetRequiredService<IClickQueue>();

        Assert.IsType<ChannelClickQueue>(queue);
        Assert.Same(queue, host.Services.GetRequiredService<IClickQueueConsumerFactory>());
    }

    [Fact]
    public async Task SharesOneQueueWhenRegisteredTwice()
    {
        using var host = await StartAsync([], services => services.AddClickQueue(new ConfigurationBuilder().Build()));

        var queue = host.Services.GetRequiredService<IClickQueue>();

        Assert.Single(host.Services.GetServices<IClickQueue>());
        Assert.Same(queue, host.Services.GetRequiredService<IClickQueueConsumerFactory>());
    }

    [Fact]
    public async Task UsesKafkaWhenConfigured()
    {
        using var host = await StartAsync(new()
        {
            ["Clicks:Transport"] = "Kafka",
            ["Kafka:BootstrapServers"] = "127.0.0.1:1",
            ["Kafka:Producer:linger.ms"] = "20",
        });

        var queue = host.Services.GetRequiredService<IClickQueue>();

        Assert.IsType<KafkaClickQueue>(queue);
        Assert.Same(queue, host.Services.GetRequiredService<IClickQueueConsumerFactory>());
        var options = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        Assert.Equal("20", KafkaClickQueue.BuildProducerConfig(options).Get("linger.ms"));
    }

    [Fact]
    public async Task StopsStartUpWithoutKafkaBootstrapServers()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Clicks:Transport"] = "Kafka" }));

        Assert.Contains("Kafka:BootstrapServers is required when Clicks:Transport is 'Kafka'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsStartUpWhenKafkaSettingsWouldBreakTheDeliveryGuarantees()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Clicks:Transport"] = "Kafka",
            ["Kafka:BootstrapServers"] = "127.0.0.1:1",
            ["Kafka:Consumer:enable.auto.commit"] = "true",
        }));

        Assert.Contains("Kafka:Consumer may not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsStartUpOnAnUnknownTransport()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Clicks:Transport"] = "Carrier pigeon" }));

        Assert.Contains("Clicks:Transport", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClaimIdleTime", "00:00:00")]
    [InlineData("EventsPerEntry", "0")]
    [InlineData("EventsPerEntry", "1001")]
    public async Task StopsStartUpOnAnInvalidRedisStreamsSetting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Clicks:Transport"] = "RedisStreams",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            [$"RedisStreams:{setting}"] = value,
        }));

        Assert.Contains($"RedisStreams:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsStartUpWithoutAnyRedisConnectionForRedisStreams()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Clicks:Transport"] = "RedisStreams" }));

        Assert.Contains("ConnectionStrings:Redis is required when Clicks:Transport is 'RedisStreams'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusesTheApplicationsRedisConnectionAndKeyPrefix()
    {
        var prefix = $"{redis.KeyPrefix}app:";
        using var host = await StartAsync(
            new() { ["Clicks:Transport"] = "RedisStreams", ["Redis:KeyPrefix"] = prefix },
            services => services.AddSingleton(redis.Redis));

        await host.Services.GetRequiredService<IClickQueue>().PublishAsync(TestClicks.Create(2), Ct);

        // Both events in one entry (up to 100 per entry by default).
        Assert.Equal(1, await redis.Database.StreamLengthAsync(prefix + "clicks"));
    }

    [Fact]
    public async Task ConnectsToRedisItselfWhenTheApplicationHasNoConnection()
    {
        var prefix = $"{redis.KeyPrefix}worker:";
        using var host = await StartAsync(new()
        {
            ["Clicks:Transport"] = "RedisStreams",
            ["ConnectionStrings:Redis"] = redis.Redis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["RedisStreams:Stream"] = "worker-clicks",
            ["RedisStreams:EventsPerEntry"] = "2",
        });

        await host.Services.GetRequiredService<IClickQueue>().PublishAsync(TestClicks.Create(3), Ct);

        // ceil(3 / 2) entries.
        Assert.Equal(2, await redis.Database.StreamLengthAsync(prefix + "worker-clicks"));
        Assert.Null(host.Services.GetService<IConnectionMultiplexer>());
    }

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        configure?.Invoke(builder.Services);
        builder.Services.AddClickQueue(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync(Ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
