using System.Net;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class IpAnonymizerTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("198.51.100.255", "198.51.100.0")]
    [InlineData("10.0.0.0", "10.0.0.0")]
    [InlineData("2001:db8:1234:5678:9abc:def0:1234:5678", "2001:db8:1234::")]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8:ffff::")]
    [InlineData("::1", "::")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0")]
    public void ZeroesTheLastIPv4OctetOrTheLast80IPv6Bits(string address, string expected)
    {
        Assert.Equal(expected, IpAnonymizer.Anonymize(IPAddress.Parse(address)).ToString());
    }

    [Fact]
    public void DropsTheIPv6ScopeId()
    {
        var anonymised = IpAnonymizer.Anonymize(IPAddress.Parse("fe80::1234:5678%3"));

        Assert.Equal(0, anonymised.ScopeId);
        Assert.Equal("fe80::", anonymised.ToString());
    }
}
