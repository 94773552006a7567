using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Features.Analytics;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Data;

/// <summary>
/// The one EF model of the product. Each database provider derives its own context so that it keeps its own
/// migration history (<c>Data/Migrations/Postgres</c>, <c>Data/Migrations/Sqlite</c>); features only see this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ShortLink> Links => Set<ShortLink>();

    public DbSet<LinkDailyStat> DailyStats => Set<LinkDailyStat>();

    public DbSet<LinkDailyDimension> DailyDimensions => Set<LinkDailyDimension>();

    public DbSet<ClickEventRecord> ClickEvents => Set<ClickEventRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ShortLinkConfiguration());
        AnalyticsConfiguration.Configure(modelBuilder);
    }
}
