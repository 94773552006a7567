using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UrlShortener.Web.Features.Accounts;

namespace UrlShortener.Web.Features.ApiKeys;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public const int NameMaxLength = 100;

    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.UserId).HasColumnName("user_id");
        key.Property(k => k.Name).HasColumnName("name").HasMaxLength(NameMaxLength).IsRequired();
        key.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(ApiKeySecret.PrefixLength).IsRequired();
        key.Property(k => k.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength().IsRequired();
        key.Property(k => k.CreatedAt).HasColumnName("created_at");
        key.Property(k => k.LastUsedAt).HasColumnName("last_used_at");
        key.Property(k => k.RevokedAt).HasColumnName("revoked_at");

        key.HasIndex(k => k.Hash).IsUnique().HasDatabaseName("ux_api_keys_hash");
        key.HasIndex(k => k.UserId).HasDatabaseName("ix_api_keys_user_id");
        key.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_api_keys_users_user_id");
    }
}
