using Microsoft.Extensions.Options;

namespace UrlShortener.Web.Features.Links;

/// <summary>Builds public short URLs and lists the hosts that count as "ourselves" for loop protection.</summary>
public sealed class ShortUrls(IOptions<ShortLinksOptions> options)
{
    private readonly Uri? _base = options.Value.BaseUri;
    private readonly string[] _additionalHosts = options.Value.AdditionalHosts;

    public string For(HttpRequest request, string shortCode) => For(RequestOrigin.Of(request), shortCode);

    public string For(RequestOrigin caller, string shortCode)
    {
        var origin = _base is null ? caller.Origin : _base.GetLeftPart(UriPartial.Authority);
        return $"{origin}/{shortCode}";
    }

    public IReadOnlyCollection<string> OwnHosts(HttpRequest request) => OwnHosts(RequestOrigin.Of(request));

    public IReadOnlyCollection<string> OwnHosts(RequestOrigin caller)
    {
        var hosts = new List<string>(_additionalHosts.Length + 2);
        hosts.AddRange(_additionalHosts);
        if (_base is not null)
        {
            hosts.Add(_base.Host);
        }

        if (caller.Host is { } host)
        {
            hosts.Add(host);
        }

        return hosts;
    }
}
