using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Features.Links;

namespace UrlShortener.Web.Client.Tests.Features.Links;

public sealed class LinksTableTests : MudTestContext
{
    private readonly FakeLinksClient _links = new();

    public LinksTableTests()
    {
        Services.AddSingleton<ILinksClient>(_links);
        Interactive();
    }

    [Fact]
    public void ShowsTheNewestTwentyLinksAndTheTotal()
    {
        _links.AddLinks(45);

        var table = RenderTable();

        table.WaitForAssertion(() => Assert.Equal(20, Rows(table).Count));
        Assert.Equal("code-45", FirstCode(table));
        Assert.Contains("1-20 of 45", Caption(table));
        var query = _links.Queries.Last();
        Assert.Equal((1, 20, MyLinksSort.CreatedAt, true), (query.Page, query.Limit, query.Sort, query.Descending));
    }

    [Fact]
    public void PagesForward()
    {
        _links.AddLinks(45);
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(20, Rows(table).Count));

        table.Find("button[aria-label='Next page']").Click();

        table.WaitForAssertion(() => Assert.Equal("code-25", FirstCode(table)));
        Assert.Equal(2, _links.Queries.Last().Page);
        Assert.Contains("21-40 of 45", Caption(table));
    }

    [Fact]
    public void SortsByClicksAscendingThenDescending()
    {
        _links.AddLinks(45);
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(20, Rows(table).Count));

        SortLabel(table, "Clicks").Click();
        table.WaitForAssertion(() => Assert.Equal("code-01", FirstCode(table)));
        Assert.Equal((MyLinksSort.Clicks, false), (_links.Queries.Last().Sort, _links.Queries.Last().Descending));

        SortLabel(table, "Clicks").Click();
        table.WaitForAssertion(() => Assert.Equal("code-45", FirstCode(table)));
        Assert.Equal((MyLinksSort.Clicks, true), (_links.Queries.Last().Sort, _links.Queries.Last().Descending));
    }

    [Fact]
    public void SearchesOnTheServer()
    {
        _links.AddLinks(45);
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(20, Rows(table).Count));

        table.Find("#link-search").Input("page/4");

        table.WaitForAssertion(() => Assert.Equal(["code-45", "code-44", "code-43", "code-42", "code-41", "code-40", "code-04"], Rows(table).Select(Code)));
        Assert.Equal("page/4", _links.Queries.Last().Search);
    }

    [Fact]
    public void SaysWhenThereAreNoLinksYet()
    {
        var table = RenderTable();

        table.WaitForAssertion(() => Assert.Contains("You have no links yet", table.Find(".links-empty").TextContent));
    }

    [Fact]
    public void DeletesOnlyAfterConfirmation()
    {
        _links.AddLinks(3);
        var dialogs = Render<MudDialogProvider>();
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(3, Rows(table).Count));

        table.Find("button[aria-label='Delete code-03']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete code-03?", dialogs.Markup));
        Assert.Contains("cannot be undone", dialogs.Markup);
        DialogButton(dialogs, "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete code-03?", dialogs.Markup));
        Assert.Empty(_links.Deleted);
        Assert.Equal(3, Rows(table).Count);

        table.Find("button[aria-label='Delete code-03']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete code-03?", dialogs.Markup));
        DialogButton(dialogs, "Delete").Click();

        table.WaitForAssertion(() => Assert.Equal(["code-02", "code-01"], Rows(table).Select(Code)));
        Assert.Equal(["code-03"], _links.Deleted);
    }

    [Fact]
    public void DisablesAfterConfirmationAndEnablesAtOnce()
    {
        _links.AddLinks(1);
        var dialogs = Render<MudDialogProvider>();
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Single(Rows(table)));

        table.Find("button[aria-label='Disable code-01']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Disable code-01?", dialogs.Markup));
        DialogButton(dialogs, "Disable").Click();

        table.WaitForAssertion(() => Assert.Equal(LinkStatus.Disabled, table.Find(".link-status").TextContent.Trim()));
        table.Find("button[aria-label='Enable code-01']").Click();

        table.WaitForAssertion(() => Assert.Equal(LinkStatus.Active, table.Find(".link-status").TextContent.Trim()));
        Assert.Equal([("code-01", false), ("code-01", true)], _links.Toggled);
    }

    [Fact]
    public void CopiesTheShortUrl()
    {
        _links.AddLinks(1);
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Single(Rows(table)));

        table.Find("button[aria-label='Copy https://sho.rt/code-01']").Click();

        Assert.Equal("https://sho.rt/code-01", JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments[0]);
    }

    [Fact]
    public void ShowsTheQrCodeWithDownloads()
    {
        _links.AddLinks(1);
        var dialogs = Render<MudDialogProvider>();
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Single(Rows(table)));

        table.Find("button[aria-label='QR code of code-01']").Click();

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("img.qr-image")));
        Assert.Equal("/api/v1/urls/code-01/qr?format=svg&size=240", dialogs.Find("img.qr-image").GetAttribute("src"));
        Assert.Equal("/api/v1/urls/code-01/qr?format=png&size=1024&download=true",
            dialogs.Find("a[aria-label='Download the QR code of code-01 as PNG']").GetAttribute("href"));
    }

    private IRenderedComponent<LinksTable> RenderTable() => Render<LinksTable>(p => p.Add(t => t.SearchDelayMs, 0));

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<LinksTable> table) => [.. table.FindAll("tbody tr").Where(r => r.QuerySelector(".link-code") is not null)];

    private static string Code(IElement row) => row.QuerySelector(".link-code")!.TextContent.Trim();

    private static string FirstCode(IRenderedComponent<LinksTable> table) => Code(Rows(table)[0]);

    private static string Caption(IRenderedComponent<LinksTable> table) =>
        string.Join(" ", table.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent.Trim()));

    private static IElement SortLabel(IRenderedComponent<LinksTable> table, string text) =>
        table.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Trim() == text);

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);
}
