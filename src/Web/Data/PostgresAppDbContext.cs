using Microsoft.EntityFrameworkCore;

namespace UrlShortener.Web.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>
    /// Hands out the first id of a block of <see cref="CodeBlock.Size"/> ids. A sequence never returns a value twice,
    /// whatever crashes in between, which is exactly the guarantee short codes need.
    /// </summary>
    public const string CodeBlockSequence = "short_code_blocks";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(CodeBlockSequence)
            .StartsAt(0)
            .HasMin(0)
            .IncrementsBy(CodeBlock.Size);

        // Partitioned by month, which EF cannot express: the migration creates it with raw SQL.
        modelBuilder.Entity<Features.Analytics.ClickEventRecord>().ToTable("click_events", t => t.ExcludeFromMigrations());
    }
}
