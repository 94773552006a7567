using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Analytics;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Features.Analytics;
using UrlShortener.Web.Client.Features.ApiKeys;
using UrlShortener.Web.Client.Features.Links;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
// Who is signed in arrives with the prerendered page; the API calls below carry the same sign-in cookie.
builder.Services.AddAuthorizationCore();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<ILinksClient, HttpLinksClient>();
builder.Services.AddScoped<IAnalyticsClient, HttpAnalyticsClient>();
builder.Services.AddScoped<IApiKeysClient, HttpApiKeysClient>();

await builder.Build().RunAsync();
