using Microsoft.Extensions.Logging.Abstractions;
using UrlShortener.Web.Infrastructure.Caching;

namespace UrlShortener.UnitTests.Infrastructure.Caching;

public sealed class StripedMemoryLockerTests
{
    [Fact]
    public async Task OneKeyIsHeldByOneCallerAtATime()
    {
        using var locker = new StripedMemoryLocker(64);
        var token = TestContext.Current.CancellationToken;

        var first = await locker.AcquireLockAsync("c", "i", "op1", "aZ3kQ9", TimeSpan.FromSeconds(5), NullLogger.Instance, token);
        var second = await locker.AcquireLockAsync("c", "i", "op2", "aZ3kQ9", TimeSpan.FromMilliseconds(50), NullLogger.Instance, token);

        Assert.NotNull(first);
        Assert.Null(second);
        locker.ReleaseLock("c", "i", "op1", "aZ3kQ9", first, NullLogger.Instance);
        var third = locker.AcquireLock("c", "i", "op3", "aZ3kQ9", TimeSpan.FromSeconds(5), NullLogger.Instance, token);
        Assert.Same(first, third);
        locker.ReleaseLock("c", "i", "op3", "aZ3kQ9", third, NullLogger.Instance);
    }

    [Fact]
    public async Task AWaiterGetsTheLockWhenItIsReleased()
    {
        using var locker = new StripedMemoryLocker(8);
        var token = TestContext.Current.CancellationToken;
        var held = await locker.AcquireLockAsync("c", "i", "op1", "code", TimeSpan.FromSeconds(5), NullLogger.Instance, token);

        var waiting = locker.AcquireLockAsync("c", "i", "op2", "code", TimeSpan.FromSeconds(30), NullLogger.Instance, token).AsTask();
        Assert.False(waiting.IsCompleted);
        locker.ReleaseLock("c", "i", "op1", "code", held, NullLogger.Instance);

        Assert.Same(held, await waiting);
    }

    [Fact]
    public void DifferentKeysSpreadOverTheStripes()
    {
        using var locker = new StripedMemoryLocker(1024);
        var token = TestContext.Current.CancellationToken;
        var held = new List<(string Key, object Lock)>();

        // With 100 keys over 1,024 stripes most keys get a free stripe; a collision only makes a key wait (here: fail fast).
        for (var i = 0; i < 100; i++)
        {
            var key = $"code{i}";
            if (locker.AcquireLock("c", "i", "op", key, TimeSpan.Zero, NullLogger.Instance, token) is { } acquired)
            {
                held.Add((key, acquired));
            }
        }

        Assert.InRange(held.Count, 85, 100);
        Assert.Equal(held.Count, held.Select(h => h.Lock).Distinct().Count());
        foreach (var (key, acquired) in held)
        {
            locker.ReleaseLock("c", "i", "op", key, acquired, NullLogger.Instance);
        }
    }
}
