using System.Text.Json;
using Microsoft.Extensions.Options;
using UrlShortener.Shared.Analytics;

namespace UrlShortener.Web.Features.Redirects.Clicks;

/// <summary>
/// Clicks that could not go to the transport right away, kept on local disk as JSON lines until they can.
/// Only the publisher touches it, so no locking is needed.
/// </summary>
public sealed class ClickSpill
{
    private readonly string _folder;
    private readonly ClickMetrics _metrics;

    public ClickSpill(IOptions<ClickCaptureOptions> options, IHostEnvironment environment, ClickMetrics metrics)
    {
        _folder = Path.GetFullPath(options.Value.SpillPath, environment.ContentRootPath);
        _metrics = metrics;
    }

    public void Write(IReadOnlyCollection<ClickEvent> clicks)
    {
        if (clicks.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        // Written under a temporary name and renamed, so that a replay never reads a half-written file.
        var name = $"clicks-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(_folder, name + ".tmp");
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            foreach (var click in clicks)
            {
                JsonSerializer.Serialize(writer, click);
                writer.Flush();
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temporary, Path.Combine(_folder, name + ".jsonl"));
        _metrics.Spilled(clicks.Count);
    }

    /// <summary>The oldest spill file, if any.</summary>
    public string? Oldest() =>
        Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "*.jsonl").Order(StringComparer.Ordinal).FirstOrDefault() : null;

    /// <summary>Reads a spill file; a damaged line (a crash mid-write, a full disk) is skipped and counted, not fatal.</summary>
    public List<ClickEvent> Read(string file)
    {
        var clicks = new List<ClickEvent>();
        var damaged = 0;
        foreach (var line in File.ReadLines(file))
        {
            try
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<ClickEvent>(line) is { } click)
                {
                    clicks.Add(click);
                }
            }
            catch (JsonException)
            {
                damaged++;
            }
        }

        _metrics.SpillLinesDamaged(damaged);
        return clicks;
    }

    public static void Delete(string file)
    {
        // Another instance sharing the folder may have replayed it already.
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
