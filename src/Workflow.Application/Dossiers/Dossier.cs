using Workflow.Application.Common;

namespace Workflow.Application.Dossiers;

public enum DossierStatus { Open, Closed }

public enum ParticipantKind { Person, PrivateThirdParty, ProfessionalThirdParty, InternalUser }

/// <summary>A case file. Its participants, and whether it is confidential, decide who may see it and what hangs off it.</summary>
public sealed class Dossier : Entity
{
    private readonly List<Participant> _participants = [];

    private Dossier() { }

    public Guid Id { get; private set; }

    /// <summary>Human-readable and unique, e.g. <c>EXP-2026-00042</c>.</summary>
    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Free word that workflows react to, e.g. <c>expertise</c> or <c>follow-up</c>.</summary>
    public string Kind { get; private set; } = "";

    public DossierStatus Status { get; private set; }

    public List<string> RequiredSkills { get; private set; } = [];

    public Address? Address { get; private set; }

    public bool Urgent { get; private set; }

    public bool Confidential { get; private set; }

    public Guid ReferentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<Participant> Participants => _participants;

    public static Dossier Open(string reference, string title, string kind, Guid referentId, IEnumerable<string> requiredSkills,
        Address? address, bool urgent, bool confidential, Guid createdBy, DateTimeOffset now)
    {
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(now),
            Reference = reference,
            Title = title,
            Kind = kind,
            Status = DossierStatus.Open,
            ReferentId = referentId,
            RequiredSkills = requiredSkills.Distinct().ToList(),
            Address = address,
            Urgent = urgent,
            Confidential = confidential,
            CreatedAt = now,
            CreatedById = createdBy,
        };
        dossier.Raise(new DossierCreated(dossier.Id, reference, kind, referentId, confidential, now));
        return dossier;
    }

    public void Update(string title, IEnumerable<string> requiredSkills, Address? address, bool urgent, bool confidential)
    {
        EnsureOpen();
        Title = title;
        RequiredSkills = requiredSkills.Distinct().ToList();
        Address = address;
        Urgent = urgent;
        Confidential = confidential;
    }

    public void ChangeReferent(Guid referentId)
    {
        EnsureOpen();
        ReferentId = referentId;
    }

    public Participant AddParticipant(ParticipantKind kind, string role, Guid? userId, string name, string? email, string? phone, Address? address, DateTimeOffset now)
    {
        EnsureOpen();
        if (kind == ParticipantKind.InternalUser)
        {
            if (userId is null)
                throw new DomainException("user-required", "An internal-user participant must name the user.", unprocessable: true);
            if (_participants.Any(p => p.UserId == userId && p.Role == role))
                throw new DomainException("duplicate", $"This user already takes part in the dossier as '{role}'.");
        }
        else if (userId is not null)
        {
            throw new DomainException("user-not-allowed", "Only internal-user participants name a user.", unprocessable: true);
        }

        var participant = new Participant(Id, kind, role, userId, name, email, phone, address);
        _participants.Add(participant);
        Raise(new ParticipantAdded(Id, participant.Id, kind, role, userId, now));
        return participant;
    }

    /// <summary>Makes <paramref name="userId"/> the dossier's participant in <paramref name="role"/>, replacing whoever held it (used when an expert is assigned or changed).</summary>
    public Participant AssignInternalUser(string role, Guid userId, string name, string? email, DateTimeOffset now)
    {
        EnsureOpen();
        var holder = _participants.FirstOrDefault(p => p.Kind == ParticipantKind.InternalUser && p.Role == role);
        if (holder?.UserId == userId)
            return holder;
        if (holder is not null)
        {
            _participants.Remove(holder);
            Raise(new ParticipantRemoved(Id, holder.Id, role, holder.UserId, now));
        }
        return AddParticipant(ParticipantKind.InternalUser, role, userId, name, email, null, null, now);
    }

    public void RemoveParticipant(Guid participantId, DateTimeOffset now)
    {
        EnsureOpen();
        var participant = _participants.FirstOrDefault(p => p.Id == participantId)
                          ?? throw new NotFoundException("Participant", participantId);
        _participants.Remove(participant);
        Raise(new ParticipantRemoved(Id, participant.Id, participant.Role, participant.UserId, now));
    }

    public void Close(DateTimeOffset now)
    {
        EnsureOpen();
        Status = DossierStatus.Closed;
        Raise(new DossierClosed(Id, now));
    }

    public bool IsVisibleTo(CurrentUser user) =>
        !Confidential || user.IsAdmin || ReferentId == user.Id || _participants.Any(p => p.UserId == user.Id);

    private void EnsureOpen()
    {
        if (Status != DossierStatus.Open)
            throw new DomainException("dossier-closed", "The dossier is closed.");
    }
}

public sealed class Participant
{
    private Participant() { }

    internal Participant(Guid dossierId, ParticipantKind kind, string role, Guid? userId, string name, string? email, string? phone, Address? address)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        Kind = kind;
        Role = role;
        UserId = userId;
        Name = name;
        Email = email;
        Phone = phone;
        Address = address;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public ParticipantKind Kind { get; private set; }

    /// <summary>Role label on the dossier: expert, insured, referent, beneficiary…</summary>
    public string Role { get; private set; } = "";

    public Guid? UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public Address? Address { get; private set; }
}

public sealed record DossierCreated(Guid DossierId, string Reference, string Kind, Guid ReferentId, bool Confidential, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantAdded(Guid DossierId, Guid ParticipantId, ParticipantKind Kind, string Role, Guid? UserId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantRemoved(Guid DossierId, Guid ParticipantId, string Role, Guid? UserId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DossierClosed(Guid DossierId, DateTimeOffset OccurredAt) : IDomainEvent;
