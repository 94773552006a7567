using System.Net;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Observability;

/// <summary>What <c>/metrics</c> tells an operator about redirects, and what it leaves out on purpose.</summary>
public sealed class MetricsTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task RedirectsAreCountedByOutcomeButNotTwiceByTheHostsRequestHistogram()
    {
        using var client = fixture.App.CreateApiClient();
        var code = await client.CreateLinkAsync(new { long_url = "https://example.com/metrics" });
        using (var redirect = await client.GetAsync($"/{code}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        }

        using (var missing = await client.GetAsync("/no-such-code-here", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // The Prometheus exporter collects on a schedule; read until the redirect shows.
        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains("urlshortener_redirects_total", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            text = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        }

        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("urlshortener_redirects_total{", StringComparison.Ordinal) && l.Contains("outcome=\"redirect\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("urlshortener_redirects_total{", StringComparison.Ordinal) && l.Contains("outcome=\"not_found\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/api/v1/shorten\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("http_route=\"/{short_code}\"", StringComparison.Ordinal));
    }
}
