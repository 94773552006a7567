using Microsoft.AspNetCore.Identity;
using UrlShortener.Web.Features.Accounts;
using UrlShortener.Web.Features.Accounts.Email;

namespace UrlShortener.Web.Infrastructure.Smtp;

public static class SmtpSetup
{
    /// <summary>SMTP when <c>Smtp:Host</c> is set, the log otherwise (see <see cref="LoggingAccountMailer"/>).</summary>
    public static IHostApplicationBuilder AddAccountMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>();
        if (smtp?.IsConfigured == true)
        {
            builder.Services.AddSingleton<IAccountMailer, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IAccountMailer, LoggingAccountMailer>();
        }

        builder.Services.AddSingleton<IEmailSender<AppUser>, IdentityEmailSender>();
        return builder;
    }
}
