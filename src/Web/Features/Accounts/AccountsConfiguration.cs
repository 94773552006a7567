using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Web.Features.Links;

namespace UrlShortener.Web.Features.Accounts;

/// <summary>Identity's tables under short snake_case names, like the rest of the schema.</summary>
public static class AccountsConfiguration
{
    private const long AdminRoleId = 1;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppUser>(user =>
        {
            user.Property(u => u.SubscriptionTier)
                .HasConversion(tier => tier == SubscriptionTier.Premium ? "premium" : "free",
                    text => text == "premium" ? SubscriptionTier.Premium : SubscriptionTier.Free)
                .HasMaxLength(16);
        });

        // Anonymous links keep a null owner; deleting an account leaves its links working, ownerless.
        modelBuilder.Entity<ShortLink>()
            .HasOne<AppUser>()
            .WithMany()
            .HasForeignKey(l => l.UserId)
            .OnDelete(DeleteBehavior.SetNull)
            .HasConstraintName("fk_urls_users_user_id");

        // Fixed values: HasData must not change between two migrations.
        modelBuilder.Entity<IdentityRole<long>>().HasData(new IdentityRole<long>
        {
            Id = AdminRoleId,
            Name = Roles.Admin,
            NormalizedName = Roles.Admin.ToUpperInvariant(),
            ConcurrencyStamp = "8d0f3c55-3c1e-4f2b-9a55-0d6c3d1c2a01",
        });

        Rename<AppUser>(modelBuilder, "users");
        Rename<IdentityRole<long>>(modelBuilder, "roles");
        Rename<IdentityUserRole<long>>(modelBuilder, "user_roles");
        Rename<IdentityUserClaim<long>>(modelBuilder, "user_claims");
        Rename<IdentityUserLogin<long>>(modelBuilder, "user_logins");
        Rename<IdentityUserToken<long>>(modelBuilder, "user_tokens");
        Rename<IdentityRoleClaim<long>>(modelBuilder, "role_claims");
        Rename<IdentityUserPasskey<long>>(modelBuilder, "user_passkeys");
    }

    private static void Rename<TEntity>(ModelBuilder modelBuilder, string table)
        where TEntity : class
    {
        var entity = modelBuilder.Entity<TEntity>();
        entity.ToTable(table);
        foreach (var property in entity.Metadata.GetDeclaredProperties())
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
