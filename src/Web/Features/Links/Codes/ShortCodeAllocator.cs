using UrlShortener.Web.Data;

namespace UrlShortener.Web.Features.Links.Codes;

/// <summary>
/// Hands out generated short codes: ids come from blocks reserved in the database (one round trip per
/// <see cref="CodeBlock.Size"/> links) and go through the keyed permutation, so codes are unique by construction
/// and reveal neither order nor volume. Ids of a block lost in a crash are simply never used.
/// </summary>
public sealed class ShortCodeAllocator(IIdBlockStore blocks, ShortCodeEncoder encoder)
{
    private readonly SemaphoreSlim _refill = new(1, 1);
    private readonly Lock _gate = new();
    private long _next;
    private long _end;

    public async ValueTask<string> NextCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTake(out var id))
            {
                return encoder.Encode(id);
            }

            await _refill.WaitAsync(cancellationToken);
            try
            {
                if (!HasIds())
                {
                    var first = await blocks.ReserveBlockAsync(cancellationToken);
                    lock (_gate)
                    {
                        _next = first;
                        _end = first + CodeBlock.Size;
                    }
                }
            }
            finally
            {
                _refill.Release();
            }
        }
    }

    private bool TryTake(out long id)
    {
        lock (_gate)
        {
            if (_next < _end)
            {
                id = _next++;
                return true;
            }
        }

        id = 0;
        return false;
    }

    private bool HasIds()
    {
        lock (_gate)
        {
            return _next < _end;
        }
    }
}
