using System.Net;
using System.Text.Json;

namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// <c>rate</c>, <c>post</c> and <c>max</c>: load one server and print a <see cref="LoadResult"/> as JSON.
/// <code>
/// rate --url http://127.0.0.1:5180 --rate 12000 --duration 15 [--warmup 5] --connections 64 (--codes SPEC | --path /p)
/// post --url … --rate 120 --duration 15 [--warmup 5] --connections 16 [--nonce TEXT]
/// max  --url … --duration 15 --connections 64 --codes cold:0:1000000 [--once]
/// </code>
/// </summary>
public static class LoadCommand
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RunAsync(string command, CommandLine options)
    {
        var baseUrl = new Uri(options.Required("url"));
        var duration = TimeSpan.FromSeconds(options.Number("duration", 15));
        var warmup = TimeSpan.FromSeconds(options.Number("warmup", 0));
        var connections = (int)options.Integer("connections", 64);
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", 10));
        var warmupPath = options.Get("warmup-path") ?? "/healthz";
        var requests = command switch
        {
            "post" => RequestFactory.ForShorten(options.Get("nonce") ?? Guid.NewGuid().ToString("N")[..12]),
            _ when options.Get("path") is { } path => RequestFactory.ForPath(path),
            _ => RequestFactory.ForCodes(CodePicker.Parse(options.Required("codes"))),
        };
        var rate = command == "max" ? 0 : options.Number("rate", 1000);
        var once = options.Flag("once");
        options.RejectUnknown();

        using var handler = new SocketsHttpHandler
        {
            // The destinations are outside this offline machine: a redirect is the answer, never followed.
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout };
        var runner = new LoadRunner(client, connections);
        await runner.WarmUpAsync(warmupPath);

        var result = command == "max"
            ? await runner.RunClosedAsync(once ? "max-once" : "max", requests, duration, once)
            : await runner.RunOpenAsync(command == "post" ? "post" : "rate", requests, rate, warmup, duration);
        if (requests.Codes is { Exhausted: true })
        {
            await Console.Error.WriteLineAsync("warning: the cold range ran out and started over: some requests were cache hits");
        }

        Console.WriteLine(JsonSerializer.Serialize(result, Json));
        return 0;
    }
}
