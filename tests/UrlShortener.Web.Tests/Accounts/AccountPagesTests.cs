using System.Net;
using System.Text.RegularExpressions;
using UrlShortener.Web.Tests.Infrastructure;

namespace UrlShortener.Web.Tests.Accounts;

/// <summary>The dashboard's account pages (plain HTML forms) and the sign-in cookie they set, on SQLite.</summary>
public sealed partial class AccountPagesTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private const string Password = "a long enough passphrase";

    private ShortenerApp App => fixture.App;

    [Fact]
    public async Task SigningUpSignsInAndTheCookieAuthenticatesTheApiWithoutAFirstKey()
    {
        using var browser = new BrowserSession(App);
        var email = AccountApi.UniqueEmail();

        var signedUp = await SignUpAsync(browser, email);

        Assert.Equal(HttpStatusCode.Redirect, signedUp.Status);
        Assert.Equal("http://localhost/links", signedUp.Location);
        var mine = await ApiAnswer.ReadAsync(await browser.Client.GetAsync("/api/v1/users/me/urls", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        var keys = await ApiAnswer.ReadAsync(await browser.Client.GetAsync("/api/v1/users/me/api-keys", TestContext.Current.CancellationToken));
        Assert.Equal(0, keys.Data.GetArrayLength());
        var links = await browser.GetAsync("/links");
        Assert.Equal(HttpStatusCode.OK, links.Status);
        Assert.Contains(email, links.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADashboardPageSendsStrangersToSignInAndTheApiAnswers401InTheEnvelope()
    {
        using var browser = new BrowserSession(App);

        var page = await browser.GetAsync("/links");
        var api = await ApiAnswer.ReadAsync(await browser.Client.GetAsync("/api/v1/users/me/api-keys", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Flinks", page.Location, StringComparison.Ordinal);
        api.ShouldBeError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task SignUpRefusalsAreShownOnThePageAndCreateNothing()
    {
        using var browser = new BrowserSession(App);
        var (taken, _) = await App.CreateApiClient().SignUpAsync();
        var users = await App.WithDbAsync(db => Task.FromResult(db.Users.Count()));

        var duplicate = await SignUpAsync(browser, taken);
        var weak = await browser.SubmitAsync("/account/register", "register", Form(AccountApi.UniqueEmail(), "short", "short"));
        var mismatch = await browser.SubmitAsync("/account/register", "register", Form(AccountApi.UniqueEmail(), Password, Password + "!"));

        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains($"An account with the e-mail address '{taken}' already exists.", duplicate.Text, StringComparison.Ordinal);
        Assert.Contains("The password needs at least 10 characters.", weak.Text, StringComparison.Ordinal);
        Assert.Contains("The two passwords differ.", mismatch.Text, StringComparison.Ordinal);
        Assert.Equal(users, await App.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountThenEvenTheRightOneIsRefused()
    {
        using var browser = new BrowserSession(App);
        var (email, _) = await App.CreateApiClient().SignUpAsync();

        for (var attempt = 1; attempt < 5; attempt++)
        {
            var wrong = await SignInAsync(browser, email, "not the password");
            Assert.Contains("The e-mail address or the password is wrong.", wrong.Text, StringComparison.Ordinal);
        }

        var fifth = await SignInAsync(browser, email, "not the password");
        var locked = await SignInAsync(browser, email, AccountApi.Password);

        Assert.Contains("this account is locked", fifth.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Contains("this account is locked", locked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterSignInOnlyLocalReturnUrlsAreFollowed()
    {
        var (email, _) = await App.CreateApiClient().SignUpAsync();

        foreach (var (returnUrl, expected) in new[] { ("/account/api-keys", "/account/api-keys"), ("//evil.example/x", "/"), ("https://evil.example/", "/"), ("/\\evil.example", "/") })
        {
            using var browser = new BrowserSession(App);
            var path = $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
            var signedIn = await browser.SubmitAsync(path, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AccountApi.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
            Assert.Equal("http://localhost" + expected, signedIn.Location);
        }
    }

    [Fact]
    public async Task SignOutNeedsTheFormsTokenAndThenEndsTheSession()
    {
        using var browser = new BrowserSession(App);
        await SignUpAsync(browser, AccountApi.UniqueEmail());
        await browser.GetAsync("/links");

        var forged = await browser.PostAsync("/account/logout", "logout", new Dictionary<string, string> { ["returnUrl"] = "/" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/links")).Status);

        var signedOut = await browser.PostAsync("/account/logout", "logout", new Dictionary<string, string> { ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/links")).Status);
    }

    [Fact]
    public async Task AForgottenPasswordIsResetThroughTheEmailedLinkOnce()
    {
        using var browser = new BrowserSession(App);
        var (email, _) = await App.CreateApiClient().SignUpAsync();

        var asked = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Contains("If an account uses that address, a reset link is on its way.", asked.Text, StringComparison.Ordinal);
        var mail = Assert.Single(App.Mail.To(email));
        var link = ResetLink().Match(mail.Text).Value;
        Assert.StartsWith("http://localhost/account/reset-password?email=", link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;
        const string NewPassword = "a brand new passphrase";

        var reset = await browser.SubmitAsync(path, "reset-password", ResetForm(NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("http://localhost/account/login?reset=true", reset.Location);
        Assert.Contains("password was changed", (await browser.GetAsync(reset.Location!)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(new BrowserSession(App), email, NewPassword)).Status);
        Assert.Contains("is wrong", (await SignInAsync(new BrowserSession(App), email, AccountApi.Password)).Text, StringComparison.Ordinal);

        var again = await browser.SubmitAsync(path, "reset-password", ResetForm("yet another passphrase"));
        Assert.Contains("This reset link is not valid any more", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPasswordSaysTheSameForAnUnknownAddressAndSendsNothing()
    {
        using var browser = new BrowserSession(App);
        var stranger = AccountApi.UniqueEmail();

        var asked = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = stranger });

        Assert.Contains("If an account uses that address, a reset link is on its way.", asked.Text, StringComparison.Ordinal);
        Assert.Empty(App.Mail.To(stranger));
    }

    [Fact]
    public async Task AForgedResetCodeIsRefusedCalmly()
    {
        using var browser = new BrowserSession(App);
        var (email, _) = await App.CreateApiClient().SignUpAsync();
        var path = $"/account/reset-password?email={Uri.EscapeDataString(email)}&code=not-base64!";

        var refused = await browser.SubmitAsync(path, "reset-password", ResetForm("a forged new passphrase"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This reset link is not valid any more", refused.Text, StringComparison.Ordinal);
        Assert.Contains("is wrong", (await SignInAsync(new BrowserSession(App), email, "a forged new passphrase")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordsTypedIntoThePagesNeverReachTheLogs()
    {
        using var browser = new BrowserSession(App);
        const string Secret = "unmistakable-page-secret-42";

        await SignUpAsync(browser, AccountApi.UniqueEmail(), Secret);
        await SignInAsync(new BrowserSession(App), AccountApi.UniqueEmail(), Secret);

        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
    }

    private static Task<BrowserSession.Page> SignUpAsync(BrowserSession browser, string email, string password = Password) =>
        browser.SubmitAsync("/account/register", "register", Form(email, password, password));

    private static Task<BrowserSession.Page> SignInAsync(BrowserSession browser, string email, string password) =>
        browser.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static Dictionary<string, string> Form(string email, string password, string confirm) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm,
    };

    private static Dictionary<string, string> ResetForm(string password) => new()
    {
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [GeneratedRegex(@"http://localhost/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
