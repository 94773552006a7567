using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UrlShortener.Web.Data;

/// <summary>
/// Used only by <c>dotnet ef migrations add</c>: builds each provider's context without starting the app, so that
/// both migration histories can be generated from one machine. The connection strings are never opened.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseApplicationServiceProvider(DesignTimeServices.Instance)
            .Options);
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design_time.db")
            .UseApplicationServiceProvider(DesignTimeServices.Instance)
            .Options);
}

/// <summary>What the model reads from the app's services: Identity's schema version (see <see cref="AppDbContext.IdentitySchema"/>).</summary>
internal static class DesignTimeServices
{
    public static readonly IServiceProvider Instance = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = AppDbContext.IdentitySchema)
        .BuildServiceProvider();
}
