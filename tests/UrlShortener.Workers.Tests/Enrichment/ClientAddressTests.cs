using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:5678", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("[::1]:80", "::1")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("fe80::1%4", "fe80::1")]
    public void ParsesPlainAddressesAndToleratesPortsAndMappedForms(string text, string expected)
    {
        Assert.True(ClientAddress.TryParse(text, out var address));
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("203.0.113.7, 198.51.100.1")]
    [InlineData("999.1.1.1")]
    [InlineData("[2001:db8::1")]
    public void RejectsWhatIsNotOneAddress(string? text)
    {
        Assert.False(ClientAddress.TryParse(text, out var address));
        Assert.Null(address);
    }
}
