using Workflow.Application.Common;

namespace Workflow.Application.Notifications;

public enum EmailStatus { Pending, Sent, Failed }

public enum EmailKind { Invitation, Update, Cancellation, Reminder }

/// <summary>
/// An e-mail waiting to go out, written in the same transaction as the change it reports, so a
/// booking and its invitations stand or fall together, while a failing mail server never undoes
/// a booking. Once committed, a Hangfire job sends it (<see cref="EmailJob"/>), retrying with growing delays;
/// every attempt's outcome is recorded here.
/// </summary>
public sealed class OutgoingEmail : Entity
{
    public const int MaxAttempts = 6;

    /// <summary>The waits between attempts (<see cref="EmailJob"/>'s retries are the same).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240)];

    private OutgoingEmail() { }

    public OutgoingEmail(EmailKind kind, Guid? appointmentId, string to, string toName, string subject, string textBody, string? ics, string? icsMethod, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        AppointmentId = appointmentId;
        To = to;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        Ics = ics;
        IcsMethod = icsMethod;
        Status = EmailStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
        Raise(new EmailQueued(Id, now));
    }

    public Guid Id { get; private set; }

    public EmailKind Kind { get; private set; }

    public Guid? AppointmentId { get; private set; }

    public string To { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? Ics { get; private set; }

    public string? IcsMethod { get; private set; }

    public EmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        Status = EmailStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>A failure another attempt may cure: waits <see cref="RetryDelays"/> between attempts, then gives up and says so.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = EmailStatus.Failed;
            NextAttemptAt = null;
            return;
        }
        NextAttemptAt = now + RetryDelays[Math.Min(Attempts - 1, RetryDelays.Count - 1)];
    }

    /// <summary>The mail server refused the message for good (a 5xx reply): no more attempts, with its reason.</summary>
    public void Refused(string reason)
    {
        Attempts++;
        Status = EmailStatus.Failed;
        NextAttemptAt = null;
        LastError = reason.Length > 1000 ? reason[..1000] : reason;
    }
}

/// <summary>After commit: an e-mail is waiting to be sent.</summary>
public sealed record EmailQueued(Guid EmailId, DateTimeOffset OccurredAt) : IInternalEvent;
