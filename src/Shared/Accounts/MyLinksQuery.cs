using System.Globalization;
using System.Text;

namespace UrlShortener.Shared.Accounts;

/// <summary>
/// Query of <c>GET /api/v1/users/me/urls</c>: the spec's <c>page</c> and <c>limit</c>, plus <c>q</c> (part of the code
/// or destination, case-insensitive), <c>sort</c> (one of <see cref="MyLinksSort"/>) and <c>order</c> (asc/desc).
/// </summary>
public sealed record MyLinksQuery(int Page = 1, int Limit = 20, string? Search = null, string Sort = MyLinksSort.CreatedAt, bool Descending = true)
{
    public string ToQueryString()
    {
        var query = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"?page={Page}&limit={Limit}")
            .Append("&sort=").Append(Uri.EscapeDataString(Sort))
            .Append("&order=").Append(Descending ? "desc" : "asc");
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Append("&q=").Append(Uri.EscapeDataString(Search.Trim()));
        }

        return query.ToString();
    }
}

/// <summary>Columns <c>GET /api/v1/users/me/urls</c> can sort by (the <c>sort</c> parameter).</summary>
public static class MyLinksSort
{
    public const string CreatedAt = "created_at";
    public const string Clicks = "clicks";
    public const string ShortCode = "short_code";
    public const string LongUrl = "long_url";
    public const string ExpiresAt = "expires_at";

    public static readonly IReadOnlyList<string> All = [CreatedAt, Clicks, ShortCode, LongUrl, ExpiresAt];
}
