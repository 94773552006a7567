using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class VisitorHasherTests
{
    private const string Secret = "a-test-secret-of-enough-length";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static readonly DateOnly Day = new(2025, 3, 14);

    private readonly VisitorHasher _hasher = new(Secret);

    [Fact]
    public void GivesTheSameVisitorTheSameHashAllDay()
    {
        Assert.Equal(_hasher.Hash(Day, "203.0.113.7", Chrome), new VisitorHasher(Secret).Hash(Day, "203.0.113.7", Chrome));
    }

    [Fact]
    public void GivesADifferentHashTheNextDay()
    {
        Assert.NotEqual(_hasher.Hash(Day, "203.0.113.7", Chrome), _hasher.Hash(Day.AddDays(1), "203.0.113.7", Chrome));
    }

    [Fact]
    public void DependsOnTheSecret()
    {
        Assert.NotEqual(_hasher.Hash(Day, "203.0.113.7", Chrome), new VisitorHasher(Secret + "!").Hash(Day, "203.0.113.7", Chrome));
    }

    [Fact]
    public void TellsApartAddressesAndUserAgents()
    {
        var hashes = new[]
        {
            _hasher.Hash(Day, "203.0.113.7", Chrome),
            _hasher.Hash(Day, "203.0.113.8", Chrome),
            _hasher.Hash(Day, "203.0.113.7", Chrome + " Edg/120.0.0.0"),
            _hasher.Hash(Day, "203.0.113.7", null),
            _hasher.Hash(Day, null, Chrome),
            _hasher.Hash(Day, "203.0.113.7|x", "y"),
            _hasher.Hash(Day, "203.0.113.7", "x|y"),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void IsSixteenBytesOfBase64Url()
    {
        var hash = _hasher.Hash(Day, "2001:db8::1", new string('é', 5_000));

        Assert.Equal(22, hash.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", hash);
    }

    [Fact]
    public void RefusesAShortSecret()
    {
        Assert.Throws<ArgumentException>(() => new VisitorHasher("too-short"));
    }
}
