using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// Just enough SMTP on 127.0.0.1 for a real client (MailKit) to deliver to: no TLS, optional AUTH PLAIN, every message
/// kept with its envelope. Tests see what would have left the machine without any mail leaving it.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly (string UserName, string Password)? _credentials;
    private readonly Task _accepting;

    /// <summary>With credentials, the server advertises AUTH PLAIN and refuses mail from a client that has not signed in.</summary>
    public FakeSmtpServer(string? userName = null, string? password = null)
    {
        _credentials = userName is null ? null : (userName, password ?? "");
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyCollection<Message> Messages => _messages;

    public IReadOnlyList<Message> To(string address) =>
        [.. _messages.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                sessions.Add(ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
            }
        }
        catch (OperationCanceledException)
        {
        }

        // A protocol bug in a session surfaces here, so DisposeAsync fails the test instead of hiding it.
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = connection.GetStream();
        // Latin-1 maps bytes to chars one to one, so the raw message survives whatever its encoding.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await SessionAsync(reader, writer, _stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client hung up, or the test is over.
        }
    }

    private async Task SessionAsync(StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync("220 fake.smtp ESMTP");
        string? user = null;
        string? sender = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "DATA" && recipients.Count > 0)
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                _messages.Enqueue(new Message(user, sender!, [.. recipients], await ReadDataAsync(reader, cancellationToken)));
                await writer.WriteLineAsync(Reset(out sender, recipients, null));
                continue;
            }

            if (verb == "AUTH")
            {
                user = await AuthenticateAsync(line, reader, writer, cancellationToken);
            }

            await writer.WriteLineAsync(verb switch
            {
                "EHLO" => _credentials is null ? "250 fake.smtp" : "250-fake.smtp\r\n250 AUTH PLAIN",
                "HELO" or "NOOP" => "250 OK",
                "AUTH" => user is null ? "535 5.7.8 Authentication credentials invalid" : "235 2.7.0 Authentication successful",
                "MAIL" when _credentials is not null && user is null => "530 5.7.0 Authentication required",
                "MAIL" => Reset(out sender, recipients, Address(line)),
                "RCPT" when sender is null => "503 5.5.1 MAIL first",
                "RCPT" => Add(recipients, Address(line)),
                "DATA" => "503 5.5.1 RCPT first",
                "RSET" => Reset(out sender, recipients, null),
                "QUIT" => "221 Bye",
                _ => "502 5.5.2 Command not implemented",
            });
            if (verb == "QUIT")
            {
                return;
            }
        }
    }

    private async Task<string?> AuthenticateAsync(string line, StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ');
        if (parts.Length < 2 || !parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var initial = parts.Length > 2 ? parts[2] : null;
        if (initial is null)
        {
            await writer.WriteLineAsync("334 ");
            initial = await reader.ReadLineAsync(cancellationToken) ?? "";
        }

        // RFC 4616: authorization identity, user name and password, separated by NUL.
        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
        return fields.Length == 3 && (fields[1], fields[2]) == _credentials ? fields[1] : null;
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            // Undo the client's dot-stuffing (RFC 5321 4.5.2).
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    private static string Reset(out string? sender, List<string> recipients, string? newSender)
    {
        sender = newSender;
        recipients.Clear();
        return "250 OK";
    }

    private static string Add(List<string> recipients, string recipient)
    {
        recipients.Add(recipient);
        return "250 OK";
    }

    private static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    /// <summary>One delivered message: who signed in (if anyone), the envelope, and the data exactly as sent.</summary>
    public sealed record Message(string? AuthenticatedAs, string Sender, IReadOnlyList<string> Recipients, string Data)
    {
        public MimeMessage Parse()
        {
            using var stream = new MemoryStream(Encoding.Latin1.GetBytes(Data));
            return MimeMessage.Load(stream);
        }
    }
}
