using System.Collections.Concurrent;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.UnitTests.Features.Links.Codes;

public sealed class ShortCodeAllocatorTests
{
    private readonly ShortCodeEncoder _encoder = new("unit-test-secret-key-0123456789");

    [Fact]
    public async Task ReservesOneBlockPerThousandCodes()
    {
        var store = new CountingBlockStore();
        var allocator = new ShortCodeAllocator(store, _encoder);

        for (var i = 0; i < CodeBlock.Size * 2 + 1; i++)
        {
            await allocator.NextCodeAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, store.Reservations);
    }

    [Fact]
    public async Task HandsOutTheIdsOfItsBlockInOrder()
    {
        var store = new CountingBlockStore(firstBlock: 7 * CodeBlock.Size);
        var allocator = new ShortCodeAllocator(store, _encoder);

        var first = await allocator.NextCodeAsync(TestContext.Current.CancellationToken);
        var second = await allocator.NextCodeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(_encoder.Encode(7 * CodeBlock.Size), first);
        Assert.Equal(_encoder.Encode((7 * CodeBlock.Size) + 1), second);
    }

    [Fact]
    public async Task ConcurrentCallersNeverGetTheSameCode()
    {
        var store = new CountingBlockStore();
        var allocator = new ShortCodeAllocator(store, _encoder);
        var codes = new ConcurrentBag<string>();

        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
            codes.Add(await allocator.NextCodeAsync(ct)));

        Assert.Equal(20_000, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(20, store.Reservations);
    }

    [Fact]
    public async Task TwoAllocatorsOnOneStoreNeverCollide()
    {
        var store = new CountingBlockStore();
        var a = new ShortCodeAllocator(store, _encoder);
        var b = new ShortCodeAllocator(store, _encoder);
        var codes = new List<string>();

        for (var i = 0; i < 2_500; i++)
        {
            codes.Add(await a.NextCodeAsync(TestContext.Current.CancellationToken));
            codes.Add(await b.NextCodeAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AFailedReservationSurfacesAndTheNextCallRetries()
    {
        var store = new CountingBlockStore { FailNext = true };
        var allocator = new ShortCodeAllocator(store, _encoder);

        await Assert.ThrowsAsync<InvalidOperationException>(() => allocator.NextCodeAsync(TestContext.Current.CancellationToken).AsTask());
        var code = await allocator.NextCodeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, code.Length);
    }

    /// <summary>In-memory stand-in for the database counter: hands out consecutive blocks.</summary>
    private sealed class CountingBlockStore(long firstBlock = 0) : IIdBlockStore
    {
        private long _next = firstBlock;
        private int _reservations;

        public bool FailNext { get; set; }

        public int Reservations => _reservations;

        public async Task<long> ReserveBlockAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("database unavailable");
            }

            Interlocked.Increment(ref _reservations);
            return Interlocked.Add(ref _next, CodeBlock.Size) - CodeBlock.Size;
        }
    }
}
