using StackExchange.Redis;
using UrlShortener.Workers.ClickIngestion;

namespace UrlShortener.Workers.Infrastructure.Redis;

/// <summary><c>INCRBY {prefix}clicks:{code}</c> per link of the batch, in one pipelined round trip.</summary>
public sealed class RedisLiveClickCounter(IConnectionMultiplexer redis, string keyPrefix) : ILiveClickCounter
{
    public async Task AddAsync(IReadOnlyList<EnrichedClick> newClicks, CancellationToken cancellationToken)
    {
        var perLink = newClicks.Where(c => !c.IsBot).CountBy(c => c.ShortCode).ToList();
        if (perLink.Count == 0)
        {
            return;
        }

        var batch = redis.GetDatabase().CreateBatch();
        var increments = perLink.Select(p => batch.StringIncrementAsync($"{keyPrefix}clicks:{p.Key}", p.Value)).ToList();
        batch.Execute();
        await Task.WhenAll(increments).WaitAsync(cancellationToken);
    }
}
