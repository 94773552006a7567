using UrlShortener.Shared.Accounts;
using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.ApiKeys;

public static class ApiKeyIssuer
{
    /// <summary>Adds a new key to <paramref name="db"/> (the caller saves) and hands back the only copy of its secret.</summary>
    public static (ApiKey Entity, string Secret) Add(AppDbContext db, long userId, string name, DateTimeOffset now)
    {
        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            UserId = userId,
            Name = name,
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),
            CreatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        };
        db.ApiKeys.Add(key);
        return (key, secret);
    }

    public static CreatedApiKey Shown(ApiKey key, string secret) => new(key.Id, key.Name, key.Prefix, secret, key.CreatedAt);
}
