using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Notifications;

public interface IEmailTransport
{
    /// <summary>Throws <see cref="EmailDeliveryException"/> when the message did not go, saying whether another attempt may succeed.</summary>
    Task Send(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>A message that did not go: <see cref="Permanent"/> when trying again cannot help (the server refused it with a 5xx).</summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
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
        catch (EmailDeliveryException ex) when (ex.Permanent)
        {
            logger.LogWarning(ex, "E-mail {Id} to {To} was refused for good (attempt {Attempt}): {Reason}", email.Id, email.To, email.Attempts + 1, ex.Message);
            email.Refused(ex.Message);
            return false;
        }
        catch (EmailDeliveryException ex)
        {
            logger.LogWarning(ex, "Sending e-mail {Id} to {To} failed (attempt {Attempt}): {Reason}", email.Id, email.To, email.Attempts + 1, ex.Message);
            email.Failed(ex.Message, clock.GetUtcNow());
            return false;
        }
    }
}

/// <summary>Without Smtp:Host nothing can be sent: messages stay pending (and say why) until a server is configured.</summary>
public sealed class UnconfiguredTransport : IEmailTransport
{
    public Task Send(OutgoingEmail email, CancellationToken cancellationToken) =>
        throw new EmailDeliveryException("No SMTP server is configured (Smtp:Host).", permanent: false);
}
