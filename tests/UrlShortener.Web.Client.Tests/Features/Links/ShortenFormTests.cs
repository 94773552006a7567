using AngleSharp.Dom;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using UrlShortener.Shared.Api;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Features.Links;

namespace UrlShortener.Web.Client.Tests.Features.Links;

public sealed class ShortenFormTests : BunitContext
{
    private readonly FakeLinksClient _links = new();

    public ShortenFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<ILinksClient>(_links);
        // After the services: setting it builds the renderer, which freezes the container.
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    [Fact]
    public void AsksForTheLongUrlWhenItIsEmpty()
    {
        var form = RenderForm();

        ShortenButton(form).Click();

        form.WaitForAssertion(() => Assert.Contains("Enter the long URL to shorten.", form.Markup));
        Assert.Empty(_links.Shortened);
    }

    [Fact]
    public void HintsThatTheLongUrlMustBeHttp()
    {
        var form = RenderForm();

        form.Find("#long-url").Change("ftp://example.com/file");
        ShortenButton(form).Click();

        form.WaitForAssertion(() => Assert.Contains("must start with http:// or https://", form.Markup));
        Assert.Empty(_links.Shortened);
    }

    [Fact]
    public void SaysWhenTheAliasIsAvailable()
    {
        var form = RenderForm();

        form.Find("#custom-alias").Input("my-link");

        form.WaitForAssertion(() => Assert.Contains("available", form.Find(".alias-hint").TextContent));
    }

    [Fact]
    public void SaysWhenTheAliasIsTaken()
    {
        _links.TakenAliases.Add("my-link");
        var form = RenderForm();

        form.Find("#custom-alias").Input("my-link");

        form.WaitForAssertion(() => Assert.Contains("taken", form.Find(".alias-hint").TextContent));
    }

    [Fact]
    public void ShowsTheServersMessageForAReservedAlias()
    {
        var form = RenderForm();

        form.Find("#custom-alias").Input("admin");

        form.WaitForAssertion(() => Assert.Contains("reserved by the service", form.Find(".alias-hint").TextContent));
    }

    [Fact]
    public void ShowsTheShortUrlWithACopyButtonAfterShortening()
    {
        var form = RenderForm();

        form.Find("#long-url").Change("https://www.example.com/very/long/url");
        form.Find("#custom-alias").Input("my-link");
        ShortenButton(form).Click();

        form.WaitForAssertion(() => Assert.Equal("https://sho.rt/my-link", form.Find(".short-url").TextContent));
        Assert.Contains(form.FindAll("button"), b => b.TextContent.Trim() == "Copy");
        var sent = Assert.Single(_links.Shortened);
        Assert.Equal("my-link", sent.CustomAlias);
        Assert.Equal(302, sent.RedirectType);
    }

    [Fact]
    public void ShowsTheQrCodeOfTheNewLinkWithDownloads()
    {
        var form = RenderForm();

        form.Find("#long-url").Change("https://www.example.com/");
        form.Find("#custom-alias").Input("my-link");
        ShortenButton(form).Click();

        form.WaitForAssertion(() => Assert.Equal("/api/v1/urls/my-link/qr?format=svg&size=240", form.Find(".shorten-qr img").GetAttribute("src")));
        Assert.Contains("https://sho.rt/my-link", form.Find(".shorten-qr img").GetAttribute("alt"));
        Assert.Equal("/api/v1/urls/my-link/qr?format=svg&size=1024&download=true",
            form.Find("a[aria-label='Download the QR code of my-link as SVG']").GetAttribute("href"));
    }

    [Fact]
    public void CopiesTheShortUrlToTheClipboard()
    {
        var form = RenderForm();
        form.Find("#long-url").Change("https://www.example.com/");
        ShortenButton(form).Click();
        form.WaitForElement(".short-url");

        form.FindAll("button").Single(b => b.TextContent.Trim() == "Copy").Click();

        var call = JSInterop.VerifyInvoke("navigator.clipboard.writeText");
        Assert.Equal("https://sho.rt/aZ3kQ9", call.Arguments[0]);
    }

    [Fact]
    public void ShowsTheEnvelopesMessageWhenTheServerRefuses()
    {
        _links.ShortenError = new ApiError(ErrorCodes.PrivateDestination, "Links to private networks are not allowed.");
        var form = RenderForm();

        form.Find("#long-url").Change("http://10.0.0.1/");
        ShortenButton(form).Click();

        form.WaitForAssertion(() =>
            Assert.Equal("Links to private networks are not allowed.", form.Find(".shorten-error").TextContent.Trim()));
        Assert.Empty(form.FindAll(".short-url"));
    }

    private IRenderedComponent<ShortenForm> RenderForm() =>
        Render<ShortenForm>(parameters => parameters.Add(p => p.AliasCheckDelay, TimeSpan.Zero));

    private static IElement ShortenButton(IRenderedComponent<ShortenForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Shorten");
}
