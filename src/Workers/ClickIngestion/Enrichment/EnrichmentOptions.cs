using System.ComponentModel.DataAnnotations;

namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>Section <c>Analytics</c>: what enrichment keeps of a visitor.</summary>
public sealed class EnrichmentOptions : IValidatableObject
{
    public const string Section = "Analytics";

    /// <summary>Development-only salt of the visitor hash; the enricher warns when it is in use.</summary>
    public const string DevelopmentVisitorSalt = "development-only-visitor-salt-change-me";

    /// <summary>Stores the full client IP instead of the anonymised one (last IPv4 octet / IPv6 80 bits zeroed).</summary>
    public bool StoreFullIp { get; set; }

    /// <summary>
    /// Secret of the unique-visitor hash. Changing it makes every visitor new from then on (only the counts of
    /// the day of the change are affected, since hashes are per day anyway).
    /// </summary>
    public string VisitorSalt { get; set; } = DevelopmentVisitorSalt;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(VisitorSalt) || VisitorSalt.Length < VisitorHasher.MinSecretLength)
        {
            yield return new ValidationResult(
                $"Analytics:VisitorSalt must be a secret of at least {VisitorHasher.MinSecretLength} characters.", [nameof(VisitorSalt)]);
        }
    }
}
