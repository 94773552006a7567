using System.ComponentModel.DataAnnotations;
using UrlShortener.Workers.ClickIngestion.Enrichment;

namespace UrlShortener.Workers.Tests.Enrichment;

public sealed class EnrichmentOptionsTests
{
    [Fact]
    public void DefaultsToAnonymisedAddressesAndTheDevelopmentSalt()
    {
        var options = new EnrichmentOptions();

        Assert.False(options.StoreFullIp);
        Assert.Equal(EnrichmentOptions.DevelopmentVisitorSalt, options.VisitorSalt);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("fifteen-chars!!")]
    public void RejectsASaltShorterThan16CharactersNamingTheKey(string salt)
    {
        var error = Assert.Single(Validate(new EnrichmentOptions { VisitorSalt = salt }));

        Assert.Contains("Analytics:VisitorSalt", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Validate(EnrichmentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
