using UrlShortener.Shared.Analytics;

namespace UrlShortener.Web.Features.Redirects;

/// <summary>Where the redirect drops a click. Never blocks and never fails: the redirect must not wait for analytics.</summary>
public interface IClickEventSink
{
    void Record(ClickEvent click);
}
