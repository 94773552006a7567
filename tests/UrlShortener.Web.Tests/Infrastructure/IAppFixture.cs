namespace UrlShortener.Web.Tests.Infrastructure;

public interface IAppFixture
{
    ShortenerApp App { get; }
}
