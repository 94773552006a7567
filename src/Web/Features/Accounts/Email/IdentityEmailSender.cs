using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;

namespace UrlShortener.Web.Features.Accounts.Email;

/// <summary>Identity's e-mail needs, worded for people and handed to whichever <see cref="IAccountMailer"/> is configured.</summary>
public sealed class IdentityEmailSender(IAccountMailer mailer) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        mailer.SendAsync(Compose(email, "Confirm your Shortly account", "Confirm your e-mail address", confirmationLink), CancellationToken.None);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        mailer.SendAsync(Compose(email, "Reset your Shortly password",
            "Someone (hopefully you) asked to reset the password of this Shortly account. The link works once, for a day. " +
            "If it wasn't you, ignore this message: your password stays as it is.", resetLink), CancellationToken.None);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        mailer.SendAsync(new AccountEmail(email, "Your Shortly password reset code",
            $"Your password reset code: {resetCode}", $"<p>Your password reset code: <code>{HtmlEncoder.Default.Encode(resetCode)}</code></p>"),
            CancellationToken.None);

    private static AccountEmail Compose(string to, string subject, string text, string link) =>
        new(to, subject, $"{text}\n\n{link}\n",
            $"<p>{HtmlEncoder.Default.Encode(text)}</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(link)}</a></p>");
}
