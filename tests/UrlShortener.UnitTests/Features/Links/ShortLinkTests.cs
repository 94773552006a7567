using UrlShortener.Shared.Links;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.UnitTests.Features.Links;

public sealed class ShortLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, false, false, LinkStatus.Active, true)]
    [InlineData(false, false, true, LinkStatus.Expired, false)]
    [InlineData(true, false, false, LinkStatus.Disabled, false)]
    [InlineData(true, false, true, LinkStatus.Disabled, false)] // disabled wins: it is what the owner can undo
    [InlineData(false, true, false, LinkStatus.Active, false)] // never shown by the API, but never active
    public void StatusAndActivityFollowDisablingDeletionAndExpiry(bool disabled, bool deleted, bool expired, string status, bool active)
    {
        var link = Link(disabled, deleted, expired);

        Assert.Equal(status, link.StatusAt(Now));
        Assert.Equal(active, link.IsActiveAt(Now));
    }

    [Fact]
    public void ExpiresAtTheInstantItself()
    {
        var link = Link(false, false, false);
        link.ExpiresAt = Now;

        Assert.Equal(LinkStatus.Expired, link.StatusAt(Now));
        Assert.True(link.ToCachedLink().IsGoneAt(Now));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void TheCachedCopyIsWithdrawnWhenDisabledOrDeleted(bool disabled, bool deleted, bool withdrawn)
    {
        var cached = Link(disabled, deleted, expired: false).ToCachedLink();

        Assert.True(cached.Exists);
        Assert.Equal(withdrawn, cached.Withdrawn);
        Assert.Equal(withdrawn, cached.IsGoneAt(Now));
        Assert.Equal(302, cached.RedirectType);
    }

    [Fact]
    public void ADeletedLinksCachedCopyKeepsNoDestination()
    {
        Assert.Equal("https://example.com/kept", Link(true, false, false).ToCachedLink().LongUrl);
        Assert.Equal("", Link(false, true, false).ToCachedLink().LongUrl);
    }

    private static ShortLink Link(bool disabled, bool deleted, bool expired) => new()
    {
        ShortCode = "aZ3kQ9",
        LongUrl = "https://example.com/kept",
        CreatedAt = Now.AddDays(-10),
        ExpiresAt = expired ? Now.AddSeconds(-1) : Now.AddYears(1),
        DisabledAt = disabled ? Now.AddDays(-1) : null,
        DeletedAt = deleted ? Now.AddHours(-1) : null,
    };
}
