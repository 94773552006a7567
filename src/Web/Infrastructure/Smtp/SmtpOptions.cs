using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Web.Infrastructure.Smtp;

/// <summary>Section <c>Smtp</c>: where account e-mail (password resets) goes. Without a host, e-mail is only logged.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on 587, implicit TLS on 465; off only for a local relay or a test server.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "Smtp:From is required."), EmailAddress(ErrorMessage = "Smtp:From must be an e-mail address.")]
    public string From { get; set; } = "no-reply@shortly.local";

    public string FromName { get; set; } = "Shortly";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
