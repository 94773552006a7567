using System.Net;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Links;

/// <summary>Two requests for one alias at the same moment: the unique index lets exactly one win.</summary>
public abstract class AliasRaceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IAppFixture
{
    [Fact]
    public async Task ConcurrentRequestsForOneAliasGiveOneCreatedAndOneConflict()
    {
        using var first = fixture.App.CreateApiClient();
        using var second = fixture.App.CreateApiClient();

        for (var round = 0; round < 15; round++)
        {
            var alias = $"race-{Guid.NewGuid().ToString("N")[..10]}";
            using var start = new ManualResetEventSlim();
            var a = Task.Run(async () => { start.Wait(); return await first.ShortenAsync(new { long_url = "https://a.example/", custom_alias = alias }); });
            var b = Task.Run(async () => { start.Wait(); return await second.ShortenAsync(new { long_url = "https://b.example/", custom_alias = alias }); });
            start.Set();
            var answers = await Task.WhenAll(a, b);

            var statuses = answers.Select(x => x.Status).Order().ToArray();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
            Assert.Equal("ALIAS_TAKEN", answers.Single(x => x.Status == HttpStatusCode.Conflict).ErrorCode);
            var stored = await fixture.App.WithDbAsync(db => Task.FromResult(db.Links.Count(l => l.ShortCode == alias)));
            Assert.Equal(1, stored);
        }
    }
}

public sealed class AliasRaceOnSqliteTests(SqliteAppFixture fixture) : AliasRaceTests<SqliteAppFixture>(fixture);

public sealed class AliasRaceOnPostgresTests(PostgresRedisAppFixture fixture) : AliasRaceTests<PostgresRedisAppFixture>(fixture);
