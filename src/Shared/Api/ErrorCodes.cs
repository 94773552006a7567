namespace UrlShortener.Shared.Api;

/// <summary>
/// The stable error codes of the public API. Clients switch on these, so a code is never renamed
/// or reused for another meaning; new ones may be added.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string InvalidJson = "INVALID_JSON";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string InternalError = "INTERNAL_ERROR";

    // Destination URL refusals: each names what is wrong so a person can fix it.
    public const string InvalidUrl = "INVALID_URL";
    public const string UrlTooLong = "URL_TOO_LONG";
    public const string UnsupportedScheme = "UNSUPPORTED_SCHEME";
    public const string UrlHasCredentials = "URL_HAS_CREDENTIALS";
    public const string InvalidHost = "INVALID_HOST";
    public const string InvalidPort = "INVALID_PORT";
    public const string PrivateDestination = "PRIVATE_DESTINATION";
    public const string SelfReferencingUrl = "SELF_REFERENCING_URL";

    // Alias and link options.
    public const string InvalidAlias = "INVALID_ALIAS";
    public const string ReservedAlias = "RESERVED_ALIAS";
    public const string AliasTaken = "ALIAS_TAKEN";
    public const string InvalidExpiry = "INVALID_EXPIRY";
    public const string InvalidRedirectType = "INVALID_REDIRECT_TYPE";

    // Accounts.
    public const string EmailTaken = "EMAIL_TAKEN";
}
