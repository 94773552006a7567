using Microsoft.Extensions.DependencyInjection;
using UrlShortener.Web.Features.Redirects;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// Counts the redirect's cache-miss queries as they go to the database adapter (wrapping the app's own
/// <see cref="ILinkLookup"/>), independently of the app's metrics, so that cache tests observe database traffic.
/// </summary>
public sealed class LinkLookupCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Wraps whichever lookup the app registered for its database.</summary>
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILinkLookup));
        services.Remove(registered);
        services.AddSingleton<ILinkLookup>(sp => new Counting(
            (ILinkLookup)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), this));
    }

    private sealed class Counting(ILinkLookup inner, LinkLookupCounter counter) : ILinkLookup
    {
        public Task<CachedLink> FindAsync(string shortCode, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            return inner.FindAsync(shortCode, cancellationToken);
        }
    }
}
