using System.Text.Json;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Infrastructure.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace UrlShortener.Web.Infrastructure.Caching;

public static class CachingSetup
{
    /// <summary>Redis key of a cached link is <c>{Redis:KeyPrefix}url:{code}</c>, as in the spec's deep dive 2.</summary>
    public const string LinkKeyPrefix = "url:";

    /// <summary>Semaphores for stampede protection (see <see cref="StripedMemoryLocker"/>): 8,192 cost 0.5 MB.</summary>
    private const int MemoryLockStripes = 8192;

    public static IHostApplicationBuilder AddLinkCache(this IHostApplicationBuilder builder, bool withRedis)
    {
        builder.Services.AddOptions<LinkCacheOptions>()
            .BindConfiguration(LinkCacheOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var fusion = builder.Services.AddFusionCache()
            .WithOptions((sp, options) =>
            {
                var settings = sp.GetRequiredService<IOptions<LinkCacheOptions>>().Value;
                var prefix = withRedis ? sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix : "";
                options.BackplaneChannelPrefix = prefix + "links";
                // Keys in Redis stay exactly url:{code}; a change of FusionCache's wire format would need a flush.
                options.DistributedCacheKeyModifierMode = CacheKeyModifierMode.None;
                options.DistributedCacheCircuitBreakerDuration = settings.RedisCircuitBreakerDuration;
                options.BackplaneCircuitBreakerDuration = settings.RedisCircuitBreakerDuration;
                options.EnableAutoRecovery = true;
                // No tags are used; turning them off spares every lookup the tag and clear checks.
                options.DisableTagging = true;
                options.DefaultEntryOptions = new FusionCacheEntryOptions
                {
                    Duration = settings.Duration,
                    // LinkMemory is the L1 (ADR 12); FusionCache keeps nothing in memory of its own.
                    SkipMemoryCacheRead = true,
                    SkipMemoryCacheWrite = true,
                    // Fail-safe: while the database is down a known link keeps redirecting from its last value.
                    // In Redis the entry still lives no longer than Duration (the spec's 24 hours).
                    IsFailSafeEnabled = true,
                    FailSafeMaxDuration = settings.Duration + TimeSpan.FromDays(1),
                    DistributedCacheFailSafeMaxDuration = settings.Duration,
                    FailSafeThrottleDuration = TimeSpan.FromSeconds(30),
                    FactorySoftTimeout = TimeSpan.FromMilliseconds(500),
                    // Redis must never hold a redirect hostage: writes go in the background, reads give up quickly.
                    AllowBackgroundDistributedCacheOperations = true,
                    AllowBackgroundBackplaneOperations = true,
                    DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(100),
                    DistributedCacheHardTimeout = TimeSpan.FromMilliseconds(500),
                    // A lookup only copies the database into this instance's cache, so nobody else needs to hear of
                    // it; writes (SetAsync, RemoveAsync) notify explicitly.
                    SkipBackplaneNotifications = true,
                };
            })
            .WithMemoryLocker(new StripedMemoryLocker(MemoryLockStripes));

        if (withRedis)
        {
            fusion
                // IncludeFields keeps value tuples intact, as FusionCache's start-up check asks.
                .WithSerializer(new FusionCacheSystemTextJsonSerializer(new JsonSerializerOptions { IncludeFields = true }))
                .WithDistributedCache(sp => new RedisCache(new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                    InstanceName = sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix + LinkKeyPrefix,
                }))
                .WithBackplane(sp => new RedisBackplane(
                    Options.Create(new RedisBackplaneOptions
                    {
                        ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                    }),
                    sp.GetRequiredService<ILogger<RedisBackplane>>()));
        }

        builder.Services.AddSingleton(sp =>
        {
            var max = sp.GetRequiredService<IOptions<LinkCacheOptions>>().Value.L1MaxEntries;
            // "No such code" answers get a tenth of the room, in a space of their own.
            return new LinkMemory(max, Math.Max(1_000, max / 10), sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<ILinkCache, FusionLinkCache>();
        return builder;
    }
}
