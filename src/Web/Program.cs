using MudBlazor.Services;
using UrlShortener.Web.Api;
using UrlShortener.Web.Components;
using UrlShortener.Web.Components.Account;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Analytics;
using UrlShortener.Web.Features.ApiKeys;
using UrlShortener.Web.Features.Health;
using UrlShortener.Web.Features.Links;
using UrlShortener.Web.Features.QrCodes;
using UrlShortener.Web.Features.Redirects;
using UrlShortener.Web.Features.Redirects.Clicks;
using UrlShortener.Web.Hosting;
using UrlShortener.Web.Infrastructure;
using UrlShortener.Web.Observability;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddApi();
builder.AddData();
builder.AddInfrastructure();
builder.AddLinks();
builder.AddAccounts();
builder.AddApiKeys();
builder.AddAnalytics();
builder.AddRedirects();
// Workers before capture: hosted services stop in reverse order, so the publisher stops (and spills) first and the
// workers, stopping last, empty the queue.
builder.AddClickIngestionInWeb();
builder.AddClickCapture();
builder.AddTrustedProxies();
builder.AddHealth();
builder.AddTelemetry();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    .AddInteractiveWebAssemblyComponents()
    .AddAuthenticationStateSerialization();
builder.Services.AddMudServices();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseApiStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// Explicit, so that short-circuited endpoints (the redirect) still run inside the error handling above.
app.UseRouting();
app.UseApiAuthentication();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRedirectEndpoints();
app.MapLinksEndpoints();
app.MapQrCodesEndpoints();
app.MapAnalyticsEndpoints();
app.MapAccountsEndpoints();
app.MapApiKeysEndpoints();
app.MapAccountPageEndpoints();
app.MapHealthEndpoints();
app.MapTelemetryEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(UrlShortener.Web.Client._Imports).Assembly);
app.MapNotFoundFallback();

await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
