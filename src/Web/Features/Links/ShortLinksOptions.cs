using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Web.Features.Links;

/// <summary>Section <c>ShortLinks</c>.</summary>
public sealed class ShortLinksOptions : IValidatableObject
{
    public const string Section = "ShortLinks";

    /// <summary>Development-only permutation key; start-up warns when it is in use.</summary>
    public const string DevelopmentCodeKey = "development-only-code-key-change-me";

    /// <summary>Public origin of short links, e.g. <c>https://sho.rt</c>. Empty: the request's scheme and host.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Secret key of the code permutation. Changing it on a live database changes future codes only.</summary>
    public string CodeKey { get; set; } = DevelopmentCodeKey;

    /// <summary>Allows destinations on loopback, private and link-local addresses (intranet deployments).</summary>
    public bool AllowPrivateDestinations { get; set; }

    /// <summary>Lifetime of a link created without <c>expires_at</c>; the spec's default is 10 years. 0 = never expires.</summary>
    [Range(0, 100, ErrorMessage = "ShortLinks:DefaultExpiryYears must be between 0 and 100.")]
    public int DefaultExpiryYears { get; set; } = 10;

    /// <summary>Other host names this deployment answers on (refused as destinations, like the base URL's host).</summary>
    public string[] AdditionalHosts { get; set; } = [];

    public Uri? BaseUri => string.IsNullOrWhiteSpace(BaseUrl) ? null : new Uri(BaseUrl.TrimEnd('/'), UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/"
                || !string.IsNullOrEmpty(uri.Fragment)))
        {
            yield return new ValidationResult(
                $"ShortLinks:BaseUrl must be an absolute http(s) origin such as https://sho.rt (got '{BaseUrl}').",
                [nameof(BaseUrl)]);
        }

        if (string.IsNullOrWhiteSpace(CodeKey) || CodeKey.Length < 16)
        {
            yield return new ValidationResult(
                "ShortLinks:CodeKey must be a secret of at least 16 characters.", [nameof(CodeKey)]);
        }
    }
}
