using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Workflow.Tests.Infrastructure;

/// <summary>A conversation the scripted server does not finish: it hangs up at RCPT TO or after the message, or says nothing more after the message.</summary>
public enum SmtpDrop { None, AtRcpt, AfterData, SilentAfterData }

/// <summary>
/// A small SMTP server on a free loopback port that answers as its script says: a 550 or a 451 to RCPT TO or to
/// the message, a connection dropped, a greeting that never comes, STARTTLS or implicit TLS with a self-signed
/// certificate, AUTH PLAIN. It speaks just enough SMTP for MailKit, and records what it was told.
/// The SMTP sink (aiosmtpd) is for messages that go through; this is for the ones that do not.
/// </summary>
public sealed class ScriptedSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2? _certificate;
    private readonly bool _implicitTls;
    private readonly Task _accepting;
    private int _connections;

    /// <param name="certificate">Offers STARTTLS with it (or, with <paramref name="implicitTls"/>, speaks TLS from the first byte).</param>
    public ScriptedSmtpServer(X509Certificate2? certificate = null, bool implicitTls = false)
    {
        _certificate = certificate;
        _implicitTls = implicitTls;
        _listener.Start();
        _accepting = Accept();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string? Greeting { get; set; } = "220 scripted.test ESMTP";

    public string RcptReply { get; set; } = "250 2.1.5 Ok";

    /// <summary>The answer to the message, after its final dot.</summary>
    public string DataReply { get; set; } = "250 2.0.0 Ok: queued";

    public string AuthReply { get; set; } = "235 2.7.0 Authentication successful";

    public SmtpDrop Drop { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Each command received, prefixed with "tls " when it came over TLS.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The user name and password of each AUTH PLAIN.</summary>
    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    /// <summary>The messages accepted (with a 2xx after DATA), as sent.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, as a mail relay inside an organisation might have.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => Converse(client));
        }
    }

    private async Task Converse(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                var tls = false;
                if (_implicitTls)
                {
                    stream = await Secure(stream);
                    tls = true;
                }
                if (Greeting is null)
                {
                    // Says nothing and waits for the client to give up.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                var line = new LineChannel(stream);
                await line.Write(Greeting);
                while (await line.Read() is { } command)
                {
                    Commands.Enqueue((tls ? "tls " : "") + command);
                    var verb = command.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            var capabilities = new List<string> { "scripted.test" };
                            if (_certificate is not null && !tls)
                                capabilities.Add("STARTTLS");
                            if (tls || _certificate is null)
                                capabilities.Add("AUTH PLAIN");
                            capabilities.Add("HELP");
                            await line.Write(string.Join("\r\n", capabilities.Select((c, i) => (i == capabilities.Count - 1 ? "250 " : "250-") + c)));
                            break;
                        case "STARTTLS":
                            await line.Write("220 2.0.0 Ready to start TLS");
                            stream = await Secure(stream);
                            line = new LineChannel(stream);
                            tls = true;
                            break;
                        case "AUTH":
                            var parts = command.Split(' ');
                            if (parts.Length < 3)
                            {
                                await line.Write("334 ");
                                parts = [.. parts, await line.Read() ?? ""];
                            }
                            var plain = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
                            Logins.Enqueue((plain[1], plain[2]));
                            await line.Write(AuthReply);
                            break;
                        case "MAIL":
                            await line.Write("250 2.1.0 Ok");
                            break;
                        case "RCPT":
                            if (Drop == SmtpDrop.AtRcpt)
                                return;
                            await line.Write(RcptReply);
                            break;
                        case "DATA":
                            await line.Write("354 End data with <CR><LF>.<CR><LF>");
                            var message = new StringBuilder();
                            while (await line.Read() is { } data && data != ".")
                                message.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data).Append("\r\n");
                            if (Drop == SmtpDrop.AfterData)
                                return;
                            if (Drop == SmtpDrop.SilentAfterData)
                            {
                                await Task.Delay(Timeout.Infinite, _stop.Token);
                                return;
                            }
                            if (DataReply.StartsWith('2'))
                                Messages.Enqueue(message.ToString());
                            await line.Write(DataReply);
                            break;
                        case "QUIT":
                            await line.Write("221 2.0.0 Bye");
                            return;
                        case "RSET" or "NOOP":
                            await line.Write("250 2.0.0 Ok");
                            break;
                        default:
                            await line.Write("502 5.5.2 Command not recognised");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away (or refused our certificate): the conversation is over.
            }
        }
    }

    private async Task<Stream> Secure(Stream stream)
    {
        var ssl = new SslStream(stream);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
        return ssl;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(10));
        _certificate?.Dispose();
    }

    /// <summary>CRLF-terminated lines, read a byte at a time so nothing is buffered past a STARTTLS.</summary>
    private sealed class LineChannel(Stream stream)
    {
        public async Task<string?> Read()
        {
            var bytes = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one) == 0)
                    return null;
                if (one[0] == '\n')
                    return Encoding.Latin1.GetString([.. bytes]).TrimEnd('\r');
                bytes.Add(one[0]);
            }
        }

        public async Task Write(string reply)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"));
            await stream.FlushAsync();
        }
    }
}
