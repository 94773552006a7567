using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace UrlShortener.Web.Client.Tests.Features;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and no transitions to wait for.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Call after registering every service: setting it builds the renderer, which freezes the container.</summary>
    protected void Interactive() => SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
}
