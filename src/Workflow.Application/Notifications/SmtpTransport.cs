using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Microsoft.Extensions.Configuration;

namespace Workflow.Application.Notifications;

/// <summary>
/// The mail server and how to reach it (section <c>Smtp</c>). <see cref="Security"/> is MailKit's own choice of
/// transport security: <c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c>
/// (implicit TLS, port 465) or <c>Auto</c> (implicit TLS on 465, otherwise STARTTLS when the server offers it).
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, string FromName, SecureSocketOptions Security, string? UserName, string? Password)
{
    /// <summary>For the TCP connection, the TLS handshake, the greeting and EHLO together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>For each read or write once connected (a reply that does not come, a transfer that stalls).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accepts a certificate that does not validate (self-signed): development and tests only.</summary>
    public bool AcceptAnyCertificate { get; init; }

    private static readonly string[] Choices = [.. Enum.GetNames<SecureSocketOptions>()];

    /// <summary>Null without Smtp:Host. Throws on a setting that cannot be right, so the host refuses to start rather than fail each message.</summary>
    /// <param name="development">Whether the host runs in Development or Testing, the only places Smtp:AcceptAnyCertificate is honoured.</param>
    public static SmtpSettings? Read(IConfiguration configuration, bool development)
    {
        var section = configuration.GetSection("Smtp");
        var host = section["Host"];
        if (string.IsNullOrWhiteSpace(host))
            return null;
        var acceptAny = section.GetValue("AcceptAnyCertificate", false);
        if (acceptAny && !development)
            throw new InvalidOperationException("Smtp:AcceptAnyCertificate is honoured in Development and Testing only: give the mail server a certificate that validates, or set Smtp:Security=None.");
        var settings = new SmtpSettings(host, section.GetValue("Port", 25), section["From"] ?? "workflow@localhost", section["FromName"] ?? "Workflow",
            SecurityOf(section), section["UserName"], section["Password"])
        {
            ConnectTimeout = section.GetValue("ConnectTimeout", TimeSpan.FromSeconds(15)),
            CommandTimeout = section.GetValue("CommandTimeout", TimeSpan.FromSeconds(60)),
            AcceptAnyCertificate = acceptAny,
        };
        if (settings.Port is < 1 or > 65535)
            throw new InvalidOperationException($"Smtp:Port {settings.Port} is not a port (1–65535).");
        if (settings.ConnectTimeout <= TimeSpan.Zero || settings.CommandTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException("Smtp:ConnectTimeout and Smtp:CommandTimeout must be positive durations (e.g. 00:00:15).");
        return settings;
    }

    /// <summary>
    /// Smtp:Security when set; otherwise the older Smtp:EnableSsl as System.Net.Mail understood it: true asked for
    /// STARTTLS (it never did implicit TLS), false for none; with neither, MailKit's Auto.
    /// </summary>
    private static SecureSocketOptions SecurityOf(IConfigurationSection section)
    {
        if (section["Security"] is { Length: > 0 } security)
            return Enum.TryParse<SecureSocketOptions>(security, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(security, out _)
                ? parsed
                : throw new InvalidOperationException($"Smtp:Security '{security}' is not one of {string.Join(", ", Choices)}.");
        return section["EnableSsl"] is { Length: > 0 }
            ? section.GetValue<bool>("EnableSsl") ? SecureSocketOptions.StartTls : SecureSocketOptions.None
            : SecureSocketOptions.Auto;
    }
}

/// <summary>
/// SMTP through MailKit, one connection per message. A 5xx reply to the message itself (MAIL FROM, RCPT TO, DATA)
/// fails it for good with the server's words; anything else (refused or broken connection, timeout, TLS, 4xx, a
/// refused login or greeting: the server's or the set-up's trouble, not the message's) is worth another attempt.
/// </summary>
public sealed class SmtpTransport(SmtpSettings settings) : IEmailTransport
{
    public async Task Send(OutgoingEmail email, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = Compose(settings, email);
        }
        catch (ParseException ex)
        {
            throw new EmailDeliveryException($"The message cannot be written: {ex.Message}", permanent: true, ex);
        }

        using var client = new SmtpClient { Timeout = (int)settings.CommandTimeout.TotalMilliseconds };
        if (settings.AcceptAnyCertificate)
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            await Connect(client, cancellationToken);
            if (settings.UserName is not null)
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600 && ex.ErrorCode != SmtpErrorCode.UnexpectedStatusCode)
        {
            throw new EmailDeliveryException(Describe(ex), permanent: true, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(Describe(ex), permanent: false, ex);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server has accepted the message: a QUIT that fails must not make us send it again.
        }
    }

    private async Task Connect(SmtpClient client, CancellationToken cancellationToken)
    {
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, connecting.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer from {settings.Host}:{settings.Port} within {settings.ConnectTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c => $"The recipient {c.Mailbox?.Address} was refused: {(int)c.StatusCode} {c.Message}",
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c => $"The sender {c.Mailbox?.Address} was refused: {(int)c.StatusCode} {c.Message}",
        SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } c => $"The message was refused: {(int)c.StatusCode} {c.Message}",
        SmtpCommandException c => $"The server answered {(int)c.StatusCode} {c.Message}",
        AuthenticationException => $"The server refused the login: {ex.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>
    /// Text first, then the calendar, in a multipart/alternative: Outlook and Gmail show a text/calendar part with a
    /// METHOD as an invitation with answer buttons. Non-ASCII headers (subject, display names) are RFC 2047 words.
    /// Date and Message-Id are the message's own, the same on every attempt: a retry after a connection lost once the
    /// server had the message is recognisable as the same message.
    /// </summary>
    internal static MimeMessage Compose(SmtpSettings settings, OutgoingEmail email)
    {
        var domain = settings.From[(settings.From.LastIndexOf('@') + 1)..];
        var message = new MimeMessage { Subject = email.Subject, Date = email.CreatedAt, MessageId = $"{email.Id:N}@{(domain.Length > 0 ? domain : "workflow")}" };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(email.ToName, MailboxAddress.Parse(email.To).Address));
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, email.TextBody);
        if (email.Ics is null)
        {
            message.Body = text;
            return message;
        }
        var calendar = new TextPart("calendar") { ContentTransferEncoding = ContentEncoding.Base64 };
        calendar.ContentType.Parameters.Add("method", email.IcsMethod ?? "REQUEST");
        calendar.SetText(Encoding.UTF8, email.Ics);
        message.Body = new MultipartAlternative { text, calendar };
        return message;
    }
}
