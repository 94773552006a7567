using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;
using UrlShortener.Shared.Links;
using UrlShortener.Web.Client.Features.Links;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<ILinksClient, HttpLinksClient>();

await builder.Build().RunAsync();
