using System.Net;
using System.Text.RegularExpressions;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using UrlShortener.Web.Features.Accounts.Email;
using UrlShortener.Web.Infrastructure.Smtp;
using UrlShortener.Web.Tests.Configuration;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Accounts;

/// <summary>
/// Account e-mail as it leaves the app: over SMTP to a fake server on 127.0.0.1 (MailKit speaks the real protocol to it),
/// or, without SMTP, to the log, and only in Development with its content.
/// </summary>
public sealed partial class AccountEmailTests
{
    private const string ResetText = "Reset here: https://sho.rt/account/reset-password?email=a%40example.com&code=secret-code-42";

    private static readonly AccountEmail Email = new("alice@example.com", "Reset your Shortly password", ResetText, "<p>Reset here</p>");

    [Fact]
    public async Task SmtpDeliversOneMessageFromTheConfiguredSenderToTheRecipient()
    {
        await using var server = new FakeSmtpServer();

        await Sender(server).SendAsync(Email, TestContext.Current.CancellationToken);

        var received = Assert.Single(server.Messages);
        Assert.Equal("no-reply@sho.rt", received.Sender);
        Assert.Equal(["alice@example.com"], received.Recipients);
        Assert.Null(received.AuthenticatedAs);
        var message = received.Parse();
        Assert.Equal("no-reply@sho.rt", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Shortly test", Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal("alice@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Reset your Shortly password", message.Subject);
        Assert.Equal(ResetText, message.TextBody?.TrimEnd());
        Assert.Equal("<p>Reset here</p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task SmtpSignsInWithTheConfiguredUserNameAndPassword()
    {
        await using var server = new FakeSmtpServer("mailer", "smtp password");

        await Sender(server, userName: "mailer", password: "smtp password").SendAsync(Email, TestContext.Current.CancellationToken);

        Assert.Equal("mailer", Assert.Single(server.Messages).AuthenticatedAs);
    }

    [Fact]
    public async Task AWrongSmtpPasswordFailsTheSendInsteadOfDroppingTheMessage()
    {
        await using var server = new FakeSmtpServer("mailer", "smtp password");

        await Assert.ThrowsAsync<AuthenticationException>(() =>
            Sender(server, userName: "mailer", password: "wrong").SendAsync(Email, TestContext.Current.CancellationToken));

        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task TheForgotPasswordPageMailsAWorkingResetLinkThroughSmtp()
    {
        await using var server = new FakeSmtpServer();
        var folder = Directory.CreateTempSubdirectory("urlshortener-smtp-").FullName;
        var settings = ShortenerApp.CommonSettings();
        settings["Database:Provider"] = "Sqlite";
        settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "links.db")}";
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Smtp:UseTls"] = "false";
        settings["Smtp:From"] = "accounts@sho.rt";
        try
        {
            await using var app = new ShortenerApp(settings);
            using var browser = new BrowserSession(app);
            var (email, _) = await app.CreateApiClient().SignUpAsync();

            await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

            Assert.Empty(app.Mail.Sent);
            var received = Assert.Single(server.To(email));
            Assert.Equal("accounts@sho.rt", received.Sender);
            var message = received.Parse();
            Assert.Equal("Reset your Shortly password", message.Subject);
            var link = ResetLink().Match(message.TextBody ?? "").Value;
            Assert.StartsWith($"http://localhost/account/reset-password?email={Uri.EscapeDataString(email)}&code=", link, StringComparison.Ordinal);
            const string NewPassword = "a passphrase sent by mail";

            var reset = await browser.SubmitAsync(new Uri(link).PathAndQuery, "reset-password",
                new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

            Assert.Equal(HttpStatusCode.Redirect, reset.Status);
            Assert.Equal("http://localhost/account/login?reset=true", reset.Location);
            using var again = new BrowserSession(app);
            var signedIn = await again.SubmitAsync("/account/login", "login",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = NewPassword });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutSmtpDevelopmentLogsTheMessageSoADeveloperCanFollowTheLink()
    {
        var logger = new FakeLogger<LoggingAccountMailer>();

        await new LoggingAccountMailer(HostIn(Environments.Development), logger).SendAsync(Email, TestContext.Current.CancellationToken);

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(Email.To, record.Message, StringComparison.Ordinal);
        Assert.Contains(ResetText, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSmtpProductionWarnsButKeepsTheLinkOutOfTheLog()
    {
        var logger = new FakeLogger<LoggingAccountMailer>();

        await new LoggingAccountMailer(HostIn(Environments.Production), logger).SendAsync(Email, TestContext.Current.CancellationToken);

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("Smtp:Host", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-code-42", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.StructuredState ?? [], pair => pair.Value?.Contains("secret-code-42", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Smtp:From", "not an address")]
    [InlineData("Smtp:Port", "0")]
    public void RefusesToStartWithAnInvalidSmtpSetting(string key, string value)
    {
        var folder = Directory.CreateTempSubdirectory("urlshortener-config-").FullName;
        var settings = ShortenerApp.CommonSettings();
        settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "c.db")}";
        settings["Smtp:Host"] = "127.0.0.1";
        settings[key] = value;
        try
        {
            using var app = new ShortenerApp(settings);

            var error = Record.Exception(() => app.Server);

            Assert.NotNull(error);
            Assert.Contains(key, StartupConfigurationTests.Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SmtpEmailSender Sender(FakeSmtpServer server, string? userName = null, string? password = null) =>
        new(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseTls = false,
            From = "no-reply@sho.rt",
            FromName = "Shortly test",
            UserName = userName,
            Password = password,
        }));

    private static HostingEnvironment HostIn(string name) => new() { EnvironmentName = name, ApplicationName = "UrlShortener.Web" };

    [GeneratedRegex(@"http://localhost/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
