using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>A private redis-server that a test may stop and start again on the same port.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Endpoint => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(TestServices.RedisServerBinary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var probe = await ConnectAsync();
                if (probe.IsConnected)
                {
                    return;
                }
            }
            catch (RedisConnectionException)
            {
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not answer on {Endpoint} within 10 s.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { Endpoint }, ConnectTimeout = 1000, AbortOnConnectFail = true });

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
