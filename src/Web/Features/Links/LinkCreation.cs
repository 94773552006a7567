using UrlShortener.Shared.Links;
using UrlShortener.Web.Api;

namespace UrlShortener.Web.Features.Links;

/// <summary>The outcome of <see cref="CreateLink.CreateAsync"/>: the new link, or why there is none.</summary>
public sealed record LinkCreation(ShortenedLink? Link, ApiProblem? Problem)
{
    public static LinkCreation Created(ShortenedLink link) => new(link, null);

    public static LinkCreation Refused(ApiProblem problem) => new(null, problem);
}
