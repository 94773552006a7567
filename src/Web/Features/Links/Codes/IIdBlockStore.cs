namespace UrlShortener.Web.Features.Links.Codes;

/// <summary>
/// The durable counter behind generated short codes. Each call reserves a fresh block of
/// <see cref="Data.CodeBlock.Size"/> ids that no caller, on any instance, ever receives again, even after a crash.
/// </summary>
public interface IIdBlockStore
{
    /// <summary>Reserves a block and returns its first id; the block is <c>[first, first + CodeBlock.Size)</c>.</summary>
    Task<long> ReserveBlockAsync(CancellationToken cancellationToken);
}
