using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace UrlShortener.Web.Client.Features.Layout;

/// <summary>Light/dark switch in the app bar; the choice is kept in the browser's local storage.</summary>
public sealed partial class ThemeToggle
{
    private const string StorageKey = "shortly-theme";

    private readonly MudTheme _theme = new();
    private MudThemeProvider _provider = default!;
    private bool _dark;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private string Label => _dark ? "Switch to light theme" : "Switch to dark theme";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        var stored = await Js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
        _dark = stored is null ? await _provider.GetSystemDarkModeAsync() : stored == "dark";
        StateHasChanged();
    }

    private async Task ToggleAsync()
    {
        _dark = !_dark;
        await Js.InvokeVoidAsync("localStorage.setItem", StorageKey, _dark ? "dark" : "light");
    }
}
