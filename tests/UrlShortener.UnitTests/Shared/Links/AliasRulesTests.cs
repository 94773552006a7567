using UrlShortener.Shared.Links;

namespace UrlShortener.UnitTests.Shared.Links;

public sealed class AliasRulesTests
{
    [Theory]
    [InlineData("abcd")]
    [InlineData("my-link")]
    [InlineData("My-Company-2025")]
    [InlineData("a1b2c3d4e5f6g7h8i9j0")]
    [InlineData("a--b")]
    public void AcceptsWellFormedAliases(string alias) => Assert.True(AliasRules.IsWellFormed(alias));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a1b2c3d4e5f6g7h8i9j0k")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("ab_cd")]
    [InlineData("ab.cd")]
    [InlineData("ab/cd")]
    [InlineData("abçd")]
    [InlineData("аbcd")] // Cyrillic а
    [InlineData("ab\ncd")]
    public void RefusesEverythingElse(string? alias) => Assert.False(AliasRules.IsWellFormed(alias));
}
