using System.Security.Cryptography;
using System.Text;
using UrlShortener.Shared.ShortCodes;

namespace UrlShortener.Web.Features.ApiKeys;

/// <summary>
/// The shape of a key: <c>sk_</c> and 32 random base62 characters (about 190 bits). Only its SHA-256 is stored.
/// A fast, unsalted hash is right here, unlike for passwords: a key is uniformly random and far too long to guess
/// or to brute-force from its hash, so slowing the hash down would only slow every API call down.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "sk_";
    public const int RandomLength = 32;

    /// <summary><c>sk_</c> plus the first 8 random characters: enough to tell keys apart, far too little to use one.</summary>
    public const int PrefixLength = 11;

    public static string Generate() => Marker + RandomNumberGenerator.GetString(Base62.Alphabet, RandomLength);

    public static string PrefixOf(string key) => key[..PrefixLength];

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));

    /// <summary>Refuses a malformed key before it costs a database round trip.</summary>
    public static bool HasValidShape(string key) =>
        key.Length == Marker.Length + RandomLength
        && key.StartsWith(Marker, StringComparison.Ordinal)
        && key.AsSpan(Marker.Length).IndexOfAnyExcept(Base62.Alphabet) < 0;
}
