namespace UrlShortener.Web.Features.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
}
