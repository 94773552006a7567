namespace UrlShortener.Web.Features.Safety;

/// <summary>
/// The deployment-specific inputs to <see cref="DestinationValidator"/>.
/// </summary>
/// <param name="AllowPrivateDestinations">
/// True only where the shortener itself lives on a private network (development, an intranet
/// install); on the public internet a link to a private address would let anyone use the
/// shortener and its previews as a way into that network.
/// </param>
/// <param name="OwnHosts">
/// The host names the shortener answers on, optionally with a port (<c>sho.rt</c>,
/// <c>localhost:5000</c>). Links to these are refused because they would redirect in a loop.
/// </param>
public sealed record DestinationRules(bool AllowPrivateDestinations, IReadOnlyCollection<string> OwnHosts);
