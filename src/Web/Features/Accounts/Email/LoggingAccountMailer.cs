namespace UrlShortener.Web.Features.Accounts.Email;

/// <summary>
/// Without SMTP the message goes to the log, so that a developer can follow a reset link. Outside Development only
/// the fact is logged: a reset link in a production log would let anyone who reads the logs take the account.
/// </summary>
public sealed partial class LoggingAccountMailer(IHostEnvironment environment, ILogger<LoggingAccountMailer> logger) : IAccountMailer
{
    public Task SendAsync(AccountEmail email, CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment())
        {
            LogMessage(email.To, email.Subject, email.Text);
        }
        else
        {
            LogNotSent(email.Subject);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {To} (no SMTP configured): {Subject}\n{Text}")]
    private partial void LogMessage(string to, string subject, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail \"{Subject}\" not sent: set Smtp:Host to deliver account e-mail.")]
    private partial void LogNotSent(string subject);
}
