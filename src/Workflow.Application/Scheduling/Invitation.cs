using Workflow.Application.Common;

namespace Workflow.Application.Scheduling;

public enum InvitationStatus { Pending, Accepted, Declined, Tentative }

/// <summary>An internal user's invitation to an appointment. Every answer is kept; the last one counts.</summary>
public sealed class Invitation
{
    private readonly List<InvitationAnswer> _answers = [];

    private Invitation() { }

    internal Invitation(Guid appointmentId, Guid userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AppointmentId = appointmentId;
        UserId = userId;
        CreatedAt = now;
        Status = InvitationStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    public Guid UserId { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? Comment { get; private set; }

    public IReadOnlyList<InvitationAnswer> Answers => _answers;

    internal void Answer(InvitationStatus answer, string? comment, DateTimeOffset now)
    {
        Status = answer;
        Comment = comment;
        AnsweredAt = now;
        _answers.Add(new InvitationAnswer(Id, answer, comment, now));
    }

    internal void Reset(DateTimeOffset now)
    {
        if (Status == InvitationStatus.Pending)
            return;
        Status = InvitationStatus.Pending;
        AnsweredAt = null;
        Comment = null;
        _answers.Add(new InvitationAnswer(Id, InvitationStatus.Pending, "rescheduled", now));
    }
}

/// <summary>One answer in an invitation's history.</summary>
public sealed class InvitationAnswer
{
    private InvitationAnswer() { }

    internal InvitationAnswer(Guid invitationId, InvitationStatus status, string? comment, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        InvitationId = invitationId;
        Status = status;
        Comment = comment;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid InvitationId { get; private set; }

    public InvitationStatus Status { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset At { get; private set; }
}

public sealed record InvitationSent(Guid InvitationId, Guid AppointmentId, Guid DossierId, Guid UserId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record InvitationAnswered(Guid InvitationId, Guid AppointmentId, Guid DossierId, Guid UserId, InvitationStatus Answer, DateTimeOffset OccurredAt) : IDomainEvent;
