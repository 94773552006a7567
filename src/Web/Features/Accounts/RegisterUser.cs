using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UrlShortener.Shared.Accounts;
using UrlShortener.Shared.Api;
using UrlShortener.Web.Api;
using UrlShortener.Web.Data;
using UrlShortener.Web.Features.ApiKeys;

namespace UrlShortener.Web.Features.Accounts;

/// <summary><c>POST /api/v1/users/register</c> (spec §3.6): the account and its first key, "default", in one transaction.</summary>
public static class RegisterUser
{
    public const int EmailMaxLength = 255;
    public const string FirstKeyName = "default";

    public static async Task<IResult> HandleAsync(
        JsonBody<Credentials> body,
        AppDbContext db,
        UserManager<AppUser> users,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } bodyProblem)
        {
            return ApiResults.Error(bodyProblem);
        }

        var (user, secret, problem) = await RegisterAsync(body.Value!.Email, body.Value.Password, db, users, time, withFirstApiKey: true, cancellationToken);
        return problem is not null
            ? ApiResults.Error(problem)
            : ApiResults.Created(ApiRoutes.MyUrls, new RegisteredUser(user!.Id, user.Email!, secret!, user.CreatedAt));
    }

    /// <summary>
    /// Creates the account and, for the API, its first API key (the sign-up page could never show it again). Nothing is
    /// written unless both succeed.
    /// </summary>
    public static async Task<(AppUser? User, string? Secret, ApiProblem? Problem)> RegisterAsync(
        string? emailText,
        string? passwordText,
        AppDbContext db,
        UserManager<AppUser> users,
        TimeProvider time,
        bool withFirstApiKey,
        CancellationToken cancellationToken)
    {
        var email = emailText?.Trim() ?? "";
        var password = passwordText ?? "";
        if (!IsEmail(email))
        {
            return Refused(ApiProblem.BadRequest(ErrorCodes.ValidationFailed, "email must be a valid e-mail address such as alice@example.com."));
        }

        // Checked before anything is written, so that a weak password never half-creates an account.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, password);
            passwordErrors.AddRange(result.Errors);
        }

        if (passwordErrors.Count > 0)
        {
            return Refused(ApiProblem.BadRequest(ErrorCodes.ValidationFailed,
                "password is too weak: " + string.Join(" ", passwordErrors.Select(e => e.Description))));
        }

        var now = time.GetUtcNow();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            SubscriptionTier = SubscriptionTier.Free,
            CreatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two sign-ups with one address at the same instant: the unique index decides.
            return Refused(EmailTaken(email));
        }

        if (!created.Succeeded)
        {
            return Refused(created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? EmailTaken(email)
                : ApiProblem.BadRequest(ErrorCodes.ValidationFailed, string.Join(" ", created.Errors.Select(e => e.Description))));
        }

        string? secret = null;
        if (withFirstApiKey)
        {
            (_, secret) = ApiKeyIssuer.Add(db, user.Id, FirstKeyName, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (user, secret, null);
    }

    private static (AppUser?, string?, ApiProblem?) Refused(ApiProblem problem) => (null, null, problem);

    private static ApiProblem EmailTaken(string email) =>
        new(StatusCodes.Status409Conflict, ErrorCodes.EmailTaken, $"An account with the e-mail address '{email}' already exists.");

    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= EmailMaxLength
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}
