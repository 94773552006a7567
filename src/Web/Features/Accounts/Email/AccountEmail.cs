namespace UrlShortener.Web.Features.Accounts.Email;

/// <summary>One message to an account holder, in plain text and HTML.</summary>
public sealed record AccountEmail(string To, string Subject, string Text, string Html);
