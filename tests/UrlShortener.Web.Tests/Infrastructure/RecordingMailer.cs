using System.Collections.Concurrent;
using UrlShortener.Web.Features.Accounts.Email;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>Keeps account e-mail instead of sending it, so tests can follow the links in it.</summary>
public sealed class RecordingMailer : IAccountMailer
{
    private readonly ConcurrentQueue<AccountEmail> _sent = new();

    public IReadOnlyCollection<AccountEmail> Sent => _sent;

    public IReadOnlyList<AccountEmail> To(string address) => [.. _sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))];

    public Task SendAsync(AccountEmail email, CancellationToken cancellationToken)
    {
        _sent.Enqueue(email);
        return Task.CompletedTask;
    }
}
