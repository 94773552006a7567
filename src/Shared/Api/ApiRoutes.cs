namespace UrlShortener.Shared.Api;

/// <summary>Paths of the public API, shared by the server's endpoints and the HTTP clients.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";
    public const string Shorten = Prefix + "/shorten";
    public const string Available = Prefix + "/available/{alias}";
    public const string UrlInfo = Prefix + "/urls/{short_code}";
    public const string QrCode = UrlInfo + "/qr";
    public const string Analytics = Prefix + "/analytics/{short_code}";
    public const string Register = Prefix + "/users/register";
    public const string Login = Prefix + "/users/login";
    public const string MyUrls = Prefix + "/users/me/urls";
    public const string MyApiKeys = Prefix + "/users/me/api-keys";
    public const string MyApiKey = MyApiKeys + "/{id:long}";
    public const string Health = "/healthz";

    public static string AvailableFor(string alias) => $"{Prefix}/available/{Uri.EscapeDataString(alias)}";

    public static string AnalyticsFor(string shortCode) => $"{Prefix}/analytics/{Uri.EscapeDataString(shortCode)}";

    public static string MyApiKeyFor(long id) => $"{MyApiKeys}/{id}";

    public static string UrlInfoFor(string shortCode) => $"{Prefix}/urls/{Uri.EscapeDataString(shortCode)}";

    /// <summary>The QR code image of a short link; <paramref name="format"/> is <c>png</c> or <c>svg</c>.</summary>
    public static string QrCodeFor(string shortCode, string format = "svg", int? size = null) =>
        $"{UrlInfoFor(shortCode)}/qr?format={Uri.EscapeDataString(format)}" + (size is { } s ? $"&size={s}" : "");
}
