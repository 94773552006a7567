using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using UrlShortener.Shared.Accounts;
using UrlShortener.Web.Client.Features.ApiKeys;

namespace UrlShortener.Web.Client.Tests.Features.ApiKeys;

public sealed class ApiKeysPageTests : MudTestContext
{
    private readonly FakeApiKeysClient _keys = new();

    public ApiKeysPageTests()
    {
        Services.AddSingleton<IApiKeysClient>(_keys);
        Interactive();
    }

    [Fact]
    public void ShowsANewKeyOnceAndListsItByPrefix()
    {
        var page = Render<ApiKeysPage>();

        page.Find("#key-name").Change("build server");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create key").Click();

        page.WaitForAssertion(() => Assert.Equal("sk_test1secretsecretsecretsecret", page.Find("#new-api-key").GetAttribute("value")));
        Assert.Contains("will not be shown again", page.Find(".new-key").TextContent);
        var row = page.WaitForElement(".keys-table tbody tr");
        Assert.Contains("build server", row.TextContent);
        Assert.Contains("sk_test1sec…", row.TextContent);
        Assert.DoesNotContain("sk_test1secretsecretsecretsecret", row.TextContent);
    }

    [Fact]
    public void AsksForANameFirst()
    {
        var page = Render<ApiKeysPage>();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create key").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the key a name", page.Find(".key-error").TextContent));
        Assert.Empty(_keys.Keys);
    }

    [Fact]
    public void RevokesAfterConfirmation()
    {
        _keys.Keys.Add(new ApiKeySummary(7, "laptop", "sk_abcdefgh", DateTimeOffset.UnixEpoch, null, false));
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();

        page.WaitForElement("button[aria-label='Revoke laptop']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke “laptop”?", dialogs.Markup));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Contains("revoked", page.Find(".keys-table tbody tr").TextContent));
        Assert.True(_keys.Keys.Single().Revoked);
        Assert.Empty(page.FindAll("button[aria-label='Revoke laptop']"));
    }
}
