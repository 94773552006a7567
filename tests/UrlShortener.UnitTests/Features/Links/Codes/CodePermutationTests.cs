using System.Text;
using UrlShortener.Web.Features.Links.Codes;

namespace UrlShortener.UnitTests.Features.Links.Codes;

public sealed class CodePermutationTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("permutation-test-key");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("permutation-test-key-2");

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(7L)]
    [InlineData(1000L)]
    [InlineData(4096L)]
    [InlineData(4097L)]
    [InlineData(5000L)]
    public void PermutationIsABijectionOnTheDomain(long domainSize)
    {
        var permutation = new CodePermutation(Key, domainSize);
        var seen = new bool[domainSize];

        for (long value = 0; value < domainSize; value++)
        {
            var image = permutation.Permute(value);

            Assert.InRange(image, 0, domainSize - 1);
            Assert.False(seen[image], $"{image} was produced twice");
            seen[image] = true;
            Assert.Equal(value, permutation.Invert(image));
        }

        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void SameKeyGivesTheSamePermutation()
    {
        // Issued codes depend on this: a restart must map every id exactly as before.
        var first = new CodePermutation(Key, 5000);
        var second = new CodePermutation(Key.ToArray(), 5000);

        for (long value = 0; value < 5000; value++)
        {
            Assert.Equal(first.Permute(value), second.Permute(value));
        }
    }

    [Fact]
    public void DifferentKeyGivesADifferentPermutation()
    {
        var first = new CodePermutation(Key, 5000);
        var second = new CodePermutation(OtherKey, 5000);

        var agreements = 0;
        for (long value = 0; value < 5000; value++)
        {
            if (first.Permute(value) == second.Permute(value))
            {
                agreements++;
            }
        }

        // Two unrelated permutations agree on about one point on average.
        Assert.True(agreements < 10, $"{agreements} of 5000 values map the same way under both keys");
    }

    [Fact]
    public void PermutationIsNotCloseToTheIdentity()
    {
        var permutation = new CodePermutation(Key, 5000);

        var fixedPoints = 0;
        for (long value = 0; value < 5000; value++)
        {
            if (permutation.Permute(value) == value)
            {
                fixedPoints++;
            }
        }

        Assert.True(fixedPoints < 10, $"{fixedPoints} of 5000 values are fixed points");
    }

    [Theory]
    [InlineData(56_800_235_584L)]        // 62^6
    [InlineData(3_521_614_606_208L)]     // 62^7
    [InlineData(CodePermutation.MaxDomainSize)]
    [InlineData(CodePermutation.MaxDomainSize - 1)]
    public void InvertUndoesPermuteOnLargeDomains(long domainSize)
    {
        var permutation = new CodePermutation(Key, domainSize);
        var random = new Random(7);
        var values = new List<long> { 0, 1, domainSize - 2, domainSize - 1 };
        for (var i = 0; i < 10_000; i++)
        {
            values.Add(random.NextInt64(domainSize));
        }

        foreach (var value in values)
        {
            var image = permutation.Permute(value);

            Assert.InRange(image, 0, domainSize - 1);
            Assert.Equal(value, permutation.Invert(image));
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1000L)]
    [InlineData(long.MaxValue)]
    public void ValuesOutsideTheDomainAreRejected(long value)
    {
        var permutation = new CodePermutation(Key, 1000);

        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Permute(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Invert(value));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(CodePermutation.MaxDomainSize + 1)]
    public void DomainSizesOutsideOneToTwoToTheSixtySecondAreRejected(long domainSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CodePermutation(Key, domainSize));
    }

    [Fact]
    public void EmptyKeyIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CodePermutation(ReadOnlySpan<byte>.Empty, 1000));
    }
}
