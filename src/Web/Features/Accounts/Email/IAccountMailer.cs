namespace UrlShortener.Web.Features.Accounts.Email;

/// <summary>Delivers account e-mail: SMTP when <c>Smtp:Host</c> is set, the log otherwise.</summary>
public interface IAccountMailer
{
    Task SendAsync(AccountEmail email, CancellationToken cancellationToken);
}
