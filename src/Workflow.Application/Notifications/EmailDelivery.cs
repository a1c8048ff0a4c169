using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Notifications;

public sealed record SmtpSettings(string Host, int Port, string From, string FromName, bool EnableSsl, string? UserName, string? Password)
{
    public static SmtpSettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Smtp");
        var host = section["Host"];
        return string.IsNullOrWhiteSpace(host) ? null : new SmtpSettings(host, section.GetValue("Port", 25), section["From"] ?? "workflow@localhost",
            section["FromName"] ?? "Workflow", section.GetValue("EnableSsl", false), section["UserName"], section["Password"]);
    }
}

public interface IEmailTransport
{
    Task Send(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>SMTP through System.Net.Mail. The calendar part is a text/calendar alternative with its METHOD, which mail clients show as an invitation with answer buttons.</summary>
public sealed class SmtpTransport(SmtpSettings settings) : IEmailTransport
{
    public async Task Send(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.To, email.ToName));
        if (email.Ics is not null)
        {
            var calendar = AlternateView.CreateAlternateViewFromString(email.Ics, new ContentType($"text/calendar; method={email.IcsMethod}; charset=UTF-8"));
            calendar.TransferEncoding = TransferEncoding.Base64;
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(calendar);
        }
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, Timeout = 30_000 };
        if (settings.UserName is not null)
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>
/// Sends e-mails: one by its job, or every one due by the sweep. A message is claimed with FOR UPDATE SKIP
/// LOCKED, so two senders (two nodes, a job and the sweep) never send it both; each outcome is recorded on it.
/// </summary>
public sealed class EmailDispatcher(AppDbContext db, IEmailTransport transport, TimeProvider clock, ILogger<EmailDispatcher> logger)
{
    /// <summary>Sends the message if it is still pending and due; null when there is nothing to do (sent, given up, not due, or being sent elsewhere).</summary>
    public async Task<OutgoingEmail?> Deliver(Guid emailId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var email = await db.OutgoingEmails.FromSqlInterpolated($"""
            SELECT * FROM outgoing_emails WHERE id = {emailId} AND status = 'pending' AND next_attempt_at <= {clock.GetUtcNow()}
            FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(cancellationToken);
        if (email is not null)
            await Attempt(email, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return email;
    }

    /// <summary>The sweep: sends up to <paramref name="batch"/> messages that are due (what a lost job left behind; what tests call).</summary>
    public async Task<int> DeliverDue(int batch, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutgoingEmails.FromSqlInterpolated($"""
            SELECT * FROM outgoing_emails WHERE status = 'pending' AND next_attempt_at <= {clock.GetUtcNow()}
            ORDER BY next_attempt_at LIMIT {batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var email in due)
            if (await Attempt(email, cancellationToken))
                delivered++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }

    private async Task<bool> Attempt(OutgoingEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await transport.Send(email, cancellationToken);
            email.Sent(clock.GetUtcNow());
            return true;
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException or FormatException)
        {
            logger.LogWarning(ex, "Sending e-mail {Id} to {To} failed (attempt {Attempt})", email.Id, email.To, email.Attempts + 1);
            email.Failed(ex.Message, clock.GetUtcNow());
            return false;
        }
    }
}

/// <summary>Without Smtp:Host nothing can be sent: messages stay pending (and say why) until a server is configured.</summary>
public sealed class UnconfiguredTransport : IEmailTransport
{
    public Task Send(OutgoingEmail email, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No SMTP server is configured (Smtp:Host).");
}
