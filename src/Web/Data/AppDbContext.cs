using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Analytics;
using UrlShortener.Web.Features.ApiKeys;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Data;

/// <summary>
/// The one EF model of the product. Each database provider derives its own context so that it keeps its own
/// migration history (<c>Data/Migrations/Postgres</c>, <c>Data/Migrations/Sqlite</c>); features only see this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<long>, long>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Identity's table layout (version 3: with passkeys). Identity reads it from <c>IdentityOptions</c> through the
    /// application's service provider, so the app and the design-time factories (<c>dotnet ef</c>) both set it.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public DbSet<ShortLink> Links => Set<ShortLink>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<LinkDailyStat> DailyStats => Set<LinkDailyStat>();

    public DbSet<LinkDailyDimension> DailyDimensions => Set<LinkDailyDimension>();

    public DbSet<ClickEventRecord> ClickEvents => Set<ClickEventRecord>();

    /// <summary>
    /// The Data Protection key ring, shared by every web instance through the database: a bearer token (or any
    /// protected payload) issued by one instance must be readable by the others behind the load balancer.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ShortLinkConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        AccountsConfiguration.Configure(modelBuilder);
        AnalyticsConfiguration.Configure(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
