using System.Text.Json;
using StackExchange.Redis;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Workers.Infrastructure.RedisStreams;

/// <summary>Reads the click events out of one stream entry, in either format: a chunk (<c>b</c>) or a single event (<c>e</c>).</summary>
internal static class ClickStreamEntry
{
    /// <summary>
    /// Appends the entry's readable events to <paramref name="events"/>. Answers how many were appended and how many
    /// events of a chunk could not be read; nothing appended means the whole entry is unreadable.
    /// </summary>
    public static (int Read, int Unreadable) ReadInto(StreamEntry entry, List<ClickEvent> events)
    {
        var chunk = entry[RedisStreamClickQueue.ChunkField];
        if (!chunk.IsNull)
        {
            return ReadChunk(chunk, events);
        }

        var click = ReadSingle(entry[RedisStreamClickQueue.EventField]);
        if (click is null)
        {
            return (0, 0);
        }

        events.Add(click);
        return (1, 0);
    }

    private static (int Read, int Unreadable) ReadChunk(RedisValue value, List<ClickEvent> events)
    {
        var json = (ReadOnlyMemory<byte>)value;
        List<ClickEvent?>? chunk;
        try
        {
            chunk = JsonSerializer.Deserialize<List<ClickEvent?>>(json.Span);
        }
        catch (JsonException)
        {
            return ReadChunkEventByEvent(json, events);
        }

        if (chunk is null)
        {
            return (0, 0);
        }

        var read = 0;
        foreach (var click in chunk)
        {
            if (IsComplete(click))
            {
                events.Add(click);
                read++;
            }
        }

        return (read, chunk.Count - read);
    }

    /// <summary>
    /// The slow path, for a chunk that failed as a whole: one malformed event (a wrong type, an unparsable time) must not
    /// cost the valid events beside it, which are real clicks. Only hand-made or corrupted entries get here.
    /// </summary>
    private static (int Read, int Unreadable) ReadChunkEventByEvent(ReadOnlyMemory<byte> json, List<ClickEvent> events)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (0, 0);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (0, 0);
            }

            var (read, unreadable) = (0, 0);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var click = Deserialize(element);
                if (IsComplete(click))
                {
                    events.Add(click);
                    read++;
                }
                else
                {
                    unreadable++;
                }
            }

            return (read, unreadable);
        }
    }

    private static ClickEvent? Deserialize(JsonElement element)
    {
        try
        {
            return element.Deserialize<ClickEvent>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ClickEvent? ReadSingle(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            var click = JsonSerializer.Deserialize<ClickEvent>(((ReadOnlyMemory<byte>)value).Span);
            return IsComplete(click) ? click : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsComplete([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ClickEvent? click) =>
        click is not null && click.EventId != Guid.Empty && !string.IsNullOrEmpty(click.ShortCode);
}
