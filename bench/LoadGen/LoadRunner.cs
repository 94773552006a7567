using System.Diagnostics;

namespace UrlShortener.Bench.LoadGen;

/// <summary>Open-loop (fixed rate) and closed-loop (as fast as answers come) runs over one connection pool.</summary>
public sealed class LoadRunner(HttpClient client, int connections)
{
    /// <summary>Opens the pool's connections first, so that no measured request pays for a TCP handshake.</summary>
    public async Task WarmUpAsync(string path)
    {
        var warm = Enumerable.Range(0, connections).Select(async _ =>
        {
            using var response = await client.GetAsync(path);
        });
        await Task.WhenAll(warm);
    }

    /// <summary>
    /// Request i is due at start + i/rate, whether or not earlier answers have come back; its latency runs from
    /// that intended time, so a stalled server shows as latency instead of a politely slower schedule (no
    /// coordinated omission). The dispatcher sleeps in 1 ms steps and sends what is due, so send times are up to
    /// about 1 ms late, and that lateness counts as latency: the figures err high by at most that, never low.
    /// The first <paramref name="warmup"/> of the schedule runs at the same rate but is not recorded, so the figures
    /// describe the steady state at that rate rather than the switch from the previous load to this one.
    /// </summary>
    public async Task<LoadResult> RunOpenAsync(string mode, RequestFactory requests, double rate, TimeSpan warmup, TimeSpan duration)
    {
        var recorder = new Recorder();
        var unrecorded = (long)Math.Round(rate * warmup.TotalSeconds);
        var total = unrecorded + (long)Math.Round(rate * duration.TotalSeconds);
        var tasks = new List<Task>((int)Math.Min(total, int.MaxValue));
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (long)(unrecorded * interval);
        long maxLag = 0;
        var dispatcher = new Thread(() =>
        {
            for (long i = 0; i < total; i++)
            {
                var intended = start + (long)(i * interval);
                long now;
                while ((now = Stopwatch.GetTimestamp()) < intended)
                {
                    Thread.Sleep(1);
                }

                if (i >= unrecorded)
                {
                    maxLag = Math.Max(maxLag, now - intended);
                }

                tasks.Add(SendAsync(requests.Next(), intended, i >= unrecorded ? recorder : null));
            }
        })
        { IsBackground = true, Name = "dispatcher", Priority = ThreadPriority.AboveNormal };
        dispatcher.Start();
        dispatcher.Join();
        await Task.WhenAll(tasks);
        return recorder.Result(mode, Describe(requests), rate, total - unrecorded, measuredFrom, maxLag * 1000.0 / Stopwatch.Frequency);
    }

    /// <summary>
    /// Closed loop: one request per connection at a time, until the duration is up or, for "each code once",
    /// the codes run out. Latency here is per request, as wrk measures it.
    /// </summary>
    public async Task<LoadResult> RunClosedAsync(string mode, RequestFactory requests, TimeSpan duration, bool once)
    {
        var recorder = new Recorder();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long sent = 0;
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end)
            {
                var request = once ? requests.NextOnce() : requests.Next();
                if (request is null)
                {
                    return;
                }

                Interlocked.Increment(ref sent);
                await SendAsync(request, Stopwatch.GetTimestamp(), recorder);
            }
        });
        await Task.WhenAll(workers);
        return recorder.Result(mode, Describe(requests), null, sent, start, 0);
    }

    private static string Describe(RequestFactory requests) => requests.Codes?.Describe ?? "path";

    private async Task SendAsync(HttpRequestMessage request, long intended, Recorder? recorder)
    {
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                var now = Stopwatch.GetTimestamp();
                recorder?.Record(now - intended, (int)response.StatusCode, now);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            recorder?.Error(ex, Stopwatch.GetTimestamp());
        }
    }
}
