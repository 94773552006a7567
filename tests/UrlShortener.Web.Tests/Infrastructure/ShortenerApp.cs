using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>One running instance of the web app, configured like production but on the test's own database.</summary>
public sealed class ShortenerApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://sho.rt";

    public ShiftableTimeProvider Time { get; } = new();

    public LinkLookupCounter LinkLookups { get; } = new();

    public static Dictionary<string, string?> CommonSettings() => new()
    {
        ["ShortLinks:BaseUrl"] = BaseUrl,
        ["ShortLinks:CodeKey"] = "integration-tests-code-key-0123456789",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
    };

    /// <summary>A client that never follows redirects and fails the test on any 5xx.</summary>
    public HttpClient CreateApiClient() => CreateDefaultClient(new NoServerErrorsHandler());

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await action(db);
    }

    public Task<int> CountLinksAsync() => WithDbAsync(db => db.Links.CountAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IInterceptor>(LinkLookups);
        });
    }
}
