using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using UrlShortener.Workers.ClickIngestion;
using UrlShortener.Workers.Infrastructure.InProcess;
using UrlShortener.Workers.Infrastructure.Kafka;
using UrlShortener.Workers.Infrastructure.RedisStreams;

namespace UrlShortener.Workers.Infrastructure;

public static class ClickQueueSetup
{
    private const string RedisConnectionStringName = "Redis";
    private const string RedisKeyPrefixKey = "Redis:KeyPrefix";

    /// <summary>
    /// Registers <see cref="IClickQueue"/> and <see cref="IClickQueueConsumerFactory"/> for <c>Clicks:Transport</c>,
    /// one shared instance for both, with that transport's options validated when the host starts.
    /// </summary>
    public static IServiceCollection AddClickQueue(this IServiceCollection services, IConfiguration configuration)
    {
        // Both the capture side and the hosted workers ask for the queue; in the embedded mode they must share one
        // channel, so a second call changes nothing.
        if (services.Any(d => d.ServiceType == typeof(IClickQueue)))
        {
            return services;
        }

        var clicksSection = configuration.GetSection(ClicksOptions.Section);
        services.AddOptions<ClicksOptions>().Bind(clicksSection).ValidateDataAnnotations().ValidateOnStart();

        // The transport decides which types are registered, so it is read now; an unknown name fails here with
        // the configuration binder's message, which names Clicks:Transport.
        var transport = clicksSection.Get<ClicksOptions>()?.Transport ?? ClickTransport.InProcess;
        switch (transport)
        {
            case ClickTransport.InProcess:
                services.AddSingleton(sp => new ChannelClickQueue(
                    sp.GetRequiredService<IOptions<ClicksOptions>>().Value.InProcessCapacity, GetTimeProvider(sp)));
                AddPorts<ChannelClickQueue>(services);
                break;

            case ClickTransport.RedisStreams:
                services.AddOptions<RedisStreamsOptions>()
                    .Bind(configuration.GetSection(RedisStreamsOptions.Section))
                    .ValidateDataAnnotations()
                    .Validate<IServiceProviderIsService>(
                        (_, isService) => isService.IsService(typeof(IConnectionMultiplexer))
                            || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionStringName)),
                        "ConnectionStrings:Redis is required when Clicks:Transport is 'RedisStreams'.")
                    .ValidateOnStart();
                services.AddSingleton(_ => new OwnedRedisConnection(configuration.GetConnectionString(RedisConnectionStringName)));
                services.AddSingleton(sp => new RedisStreamClickQueue(
                    // The application's multiplexer when there is one (the web app registers it): one connection each.
                    sp.GetService<IConnectionMultiplexer>() ?? sp.GetRequiredService<OwnedRedisConnection>().Multiplexer,
                    sp.GetRequiredService<IOptions<RedisStreamsOptions>>().Value,
                    configuration[RedisKeyPrefixKey] ?? "",
                    GetTimeProvider(sp),
                    GetLoggerFactory(sp)));
                AddPorts<RedisStreamClickQueue>(services);
                break;

            case ClickTransport.Kafka:
                services.AddOptions<KafkaOptions>()
                    .Bind(configuration.GetSection(KafkaOptions.Section))
                    .ValidateDataAnnotations()
                    .Validate(
                        o => !o.Producer.Keys.Any(KafkaClickQueue.ProtectedProducerSettings.Contains),
                        $"Kafka:Producer may not set {string.Join(", ", KafkaClickQueue.ProtectedProducerSettings)}: the delivery guarantees depend on them.")
                    .Validate(
                        o => !o.Consumer.Keys.Any(KafkaClickQueue.ProtectedConsumerSettings.Contains),
                        $"Kafka:Consumer may not set {string.Join(", ", KafkaClickQueue.ProtectedConsumerSettings)}: the delivery guarantees depend on them.")
                    .ValidateOnStart();
                services.AddSingleton(sp => new KafkaClickQueue(
                    sp.GetRequiredService<IOptions<KafkaOptions>>().Value, GetTimeProvider(sp), GetLoggerFactory(sp)));
                AddPorts<KafkaClickQueue>(services);
                break;

            default:
                throw new InvalidOperationException($"Clicks:Transport '{transport}' is not supported.");
        }

        return services;
    }

    private static void AddPorts<TQueue>(IServiceCollection services)
        where TQueue : class, IClickQueue, IClickQueueConsumerFactory
    {
        services.AddSingleton<IClickQueue>(sp => sp.GetRequiredService<TQueue>());
        services.AddSingleton<IClickQueueConsumerFactory>(sp => sp.GetRequiredService<TQueue>());
    }

    private static TimeProvider GetTimeProvider(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ILoggerFactory GetLoggerFactory(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
