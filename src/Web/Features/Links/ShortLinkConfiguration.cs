using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UrlShortener.Web.Features.Links;

public sealed class ShortLinkConfiguration : IEntityTypeConfiguration<ShortLink>
{
    public const int ShortCodeMaxLength = 20;
    public const int LongUrlMaxLength = 2048;

    public void Configure(EntityTypeBuilder<ShortLink> link)
    {
        link.ToTable("urls");
        link.HasKey(l => l.Id);
        link.Property(l => l.Id).HasColumnName("id");
        link.Property(l => l.ShortCode).HasColumnName("short_code").HasMaxLength(ShortCodeMaxLength).IsRequired();
        link.Property(l => l.LongUrl).HasColumnName("long_url").HasMaxLength(LongUrlMaxLength).IsRequired();
        link.Property(l => l.UserId).HasColumnName("user_id");
        link.Property(l => l.CreatedAt).HasColumnName("created_at");
        link.Property(l => l.ExpiresAt).HasColumnName("expires_at");
        link.Property(l => l.IsCustom).HasColumnName("is_custom");
        link.Property(l => l.ClickCount).HasColumnName("click_count");
        link.Property(l => l.RedirectType).HasColumnName("redirect_type");
        link.Property(l => l.DisabledAt).HasColumnName("disabled_at");
        link.Property(l => l.DeletedAt).HasColumnName("deleted_at");

        // Unique over deleted rows too: a deleted code is never reused.
        link.HasIndex(l => l.ShortCode).IsUnique().HasDatabaseName("ux_urls_short_code");
        link.HasIndex(l => new { l.UserId, l.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_urls_user_id_created_at");
        link.HasIndex(l => l.ExpiresAt).HasFilter("expires_at IS NOT NULL").HasDatabaseName("ix_urls_expires_at");
    }
}
