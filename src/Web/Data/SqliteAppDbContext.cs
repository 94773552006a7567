using Microsoft.EntityFrameworkCore;

namespace UrlShortener.Web.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    public DbSet<CodeBlockCounter> CodeBlockCounters => Set<CodeBlockCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CodeBlockCounter>(counter =>
        {
            counter.ToTable("short_code_blocks");
            counter.HasKey(c => c.Name);
            counter.Property(c => c.Name).HasColumnName("name").HasMaxLength(32);
            counter.Property(c => c.NextId).HasColumnName("next_id");
            counter.HasData(new CodeBlockCounter { Name = CodeBlockCounter.Default, NextId = 0 });
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type: store UTC ticks, so that ordering and range filters run in the database and
        // raw SQL can read the column. Every instant the app writes is UTC, so no offset is lost.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
