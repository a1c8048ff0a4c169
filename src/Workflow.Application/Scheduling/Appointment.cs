using Workflow.Application.Common;

namespace Workflow.Application.Scheduling;

public enum AppointmentStatus { ToPlan, Planned, Done, Cancelled }

/// <summary>
/// An appointment on a dossier, booked in the agenda of its main user. Its concerned parties
/// are dossier participants (persons, third parties) and internal users; every internal user
/// other than the main user receives an invitation to answer.
/// </summary>
public sealed class Appointment : Entity
{
    public static readonly TimeSpan LongestDuration = TimeSpan.FromHours(24);

    private readonly List<AppointmentParty> _parties = [];
    private readonly List<Invitation> _invitations = [];

    private Appointment() { }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Comment { get; private set; }

    /// <summary>Whose agenda the appointment is in; may be unknown while it is still to plan.</summary>
    public Guid? MainUserId { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? Start { get; private set; }

    public DateTimeOffset? End { get; private set; }

    public Guid? LocationId { get; private set; }

    /// <summary>Where it happens when it is not at a known location (the insured's home, a site).</summary>
    public Address? Place { get; private set; }

    public AppointmentStatus Status { get; private set; }

    public Guid? TaskId { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>When the reminder went out; a new time asks for a new reminder.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>Raised at each change of time or place, as iCalendar's SEQUENCE.</summary>
    public int Sequence { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<AppointmentParty> Parties => _parties;

    public IReadOnlyList<Invitation> Invitations => _invitations;

    public static Appointment Create(Guid dossierId, string title, string? comment, Guid createdBy, Guid? mainUserId,
        Guid? locationId, Address? place, Guid? taskId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DossierId = dossierId,
        Title = title,
        Comment = comment,
        CreatedById = createdBy,
        CreatedAt = now,
        MainUserId = mainUserId,
        LocationId = locationId,
        Place = place,
        TaskId = taskId,
        Status = AppointmentStatus.ToPlan,
    };

    /// <summary>Fixes the slot of an appointment still to plan. The caller has checked the main user's agenda (<see cref="BookingRules"/>).</summary>
    public void Plan(Guid mainUserId, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.ToPlan)
            throw IllegalMove("plan");
        SetSlot(mainUserId, start, end);
        var waiting = _invitations.ToList();
        Status = AppointmentStatus.Planned;
        SyncInvitations(now);
        // Invitations prepared while the appointment was still to plan go out now that it has a time.
        foreach (var invitation in waiting.Where(_invitations.Contains))
            Raise(new InvitationSent(invitation.Id, Id, DossierId, invitation.UserId, now));
        Raise(new AppointmentPlanned(Id, DossierId, mainUserId, Start!.Value, End!.Value, CreatedById, now));
    }

    public void Reschedule(Guid mainUserId, DateTimeOffset start, DateTimeOffset end, Guid by, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Planned)
            throw IllegalMove("reschedule");
        var previousMainUser = MainUserId!.Value;
        var previousStart = Start!.Value;
        SetSlot(mainUserId, start, end);
        Sequence++;
        ReminderSentAt = null;
        SyncInvitations(now);
        // A new time asks every invitee again.
        foreach (var invitation in _invitations)
            invitation.Reset(now);
        Raise(new AppointmentRescheduled(Id, DossierId, previousMainUser, mainUserId, previousStart, Start!.Value, End!.Value, by, now));
    }

    public void Cancel(Guid by, string reason, DateTimeOffset now)
    {
        if (Status is not (AppointmentStatus.ToPlan or AppointmentStatus.Planned))
            throw IllegalMove("cancel");
        var wasPlanned = Status == AppointmentStatus.Planned;
        Status = AppointmentStatus.Cancelled;
        CancelReason = reason;
        CancelledAt = now;
        Sequence++;
        Raise(new AppointmentCancelled(Id, DossierId, MainUserId, wasPlanned, reason, by, now));
    }

    public void MarkDone(Guid by, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Planned)
            throw IllegalMove("mark as done");
        if (Start > now)
            throw new DomainException("not-started", "An appointment can be marked done only once it has begun.");
        Status = AppointmentStatus.Done;
        DoneAt = now;
        Raise(new AppointmentDone(Id, DossierId, MainUserId!.Value, by, now));
    }

    /// <summary>Only an appointment still to plan is deleted; a planned one is cancelled, so its history stays.</summary>
    public void Delete(Guid by, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.ToPlan)
            throw new DomainException("illegal-status-change", $"Only an appointment to plan is deleted; this one is {Kebab.Of(Status)}: cancel it instead.");
        Raise(new AppointmentDeleted(Id, DossierId, by, now));
    }

    /// <summary>Records the reminder; false if it was sent already or the appointment is not (or no longer) ahead and planned.</summary>
    public bool Remind(DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Planned || ReminderSentAt is not null || Start <= now)
            return false;
        ReminderSentAt = now;
        Raise(new AppointmentReminderDue(Id, DossierId, now));
        return true;
    }

    /// <summary>Sets who is concerned. Internal users other than the main user are invited; invitations of those dropped are withdrawn.</summary>
    public void SetParties(IEnumerable<Guid> participantIds, IEnumerable<Guid> userIds, DateTimeOffset now)
    {
        if (Status is AppointmentStatus.Done or AppointmentStatus.Cancelled)
            throw IllegalMove("change the parties of");
        _parties.Clear();
        _parties.AddRange(participantIds.Distinct().Select(p => AppointmentParty.ForParticipant(Id, p)));
        _parties.AddRange(userIds.Distinct().Select(u => AppointmentParty.ForUser(Id, u)));
        SyncInvitations(now);
    }

    public Invitation AnswerInvitation(Guid userId, InvitationStatus answer, string? comment, DateTimeOffset now)
    {
        if (answer == InvitationStatus.Pending)
            throw new DomainException("invalid-answer", "Answer accepted, declined or tentative.", unprocessable: true);
        if (Status != AppointmentStatus.Planned)
            throw new DomainException("appointment-not-planned", $"The appointment is {Kebab.Of(Status)}; only a planned appointment can be answered.");
        var invitation = _invitations.FirstOrDefault(i => i.UserId == userId)
                         ?? throw new ForbiddenException("not-invitee", "Only the invitee answers an invitation.");
        invitation.Answer(answer, comment, now);
        Raise(new InvitationAnswered(invitation.Id, Id, DossierId, userId, answer, now));
        return invitation;
    }

    public IEnumerable<Guid> InternalUserIds => _parties.Where(p => p.UserId is not null).Select(p => p.UserId!.Value);

    private void SetSlot(Guid mainUserId, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new DomainException("invalid-period", "An appointment ends after it starts.", unprocessable: true);
        if (end - start > LongestDuration)
            throw new DomainException("too-long", "An appointment lasts at most 24 hours.", unprocessable: true);
        MainUserId = mainUserId;
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    private void SyncInvitations(DateTimeOffset now)
    {
        if (Status == AppointmentStatus.ToPlan && MainUserId is null)
            return;
        var invitees = InternalUserIds.Where(u => u != MainUserId).ToHashSet();
        _invitations.RemoveAll(i => !invitees.Contains(i.UserId));
        foreach (var userId in invitees.Where(u => _invitations.All(i => i.UserId != u)))
        {
            var invitation = new Invitation(Id, userId, now);
            _invitations.Add(invitation);
            if (Status == AppointmentStatus.Planned)
                Raise(new InvitationSent(invitation.Id, Id, DossierId, userId, now));
        }
    }

    private DomainException IllegalMove(string action) =>
        new("illegal-status-change", $"Cannot {action} an appointment that is {Kebab.Of(Status)}.");
}

public enum PartyKind { Participant, InternalUser }

/// <summary>One concerned party: a dossier participant (person or third party) or an internal user.</summary>
public sealed class AppointmentParty
{
    private AppointmentParty() { }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    public Guid? ParticipantId { get; private set; }

    public Guid? UserId { get; private set; }

    public PartyKind Kind => UserId is null ? PartyKind.Participant : PartyKind.InternalUser;

    internal static AppointmentParty ForParticipant(Guid appointmentId, Guid participantId) =>
        new() { Id = Guid.CreateVersion7(), AppointmentId = appointmentId, ParticipantId = participantId };

    internal static AppointmentParty ForUser(Guid appointmentId, Guid userId) =>
        new() { Id = Guid.CreateVersion7(), AppointmentId = appointmentId, UserId = userId };
}

public sealed record AppointmentPlanned(Guid AppointmentId, Guid DossierId, Guid MainUserId, DateTimeOffset Start, DateTimeOffset End, Guid CreatedById, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppointmentRescheduled(Guid AppointmentId, Guid DossierId, Guid PreviousMainUserId, Guid MainUserId, DateTimeOffset PreviousStart, DateTimeOffset Start, DateTimeOffset End, Guid By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppointmentCancelled(Guid AppointmentId, Guid DossierId, Guid? MainUserId, bool WasPlanned, string Reason, Guid By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppointmentDeleted(Guid AppointmentId, Guid DossierId, Guid By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppointmentReminderDue(Guid AppointmentId, Guid DossierId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppointmentDone(Guid AppointmentId, Guid DossierId, Guid MainUserId, Guid By, DateTimeOffset OccurredAt) : IDomainEvent;
