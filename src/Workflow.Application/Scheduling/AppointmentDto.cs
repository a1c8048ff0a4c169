using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

public sealed record PartyDto(PartyKind Kind, Guid? ParticipantId, Guid? UserId, string Name, string? Role);

public sealed record InvitationDto(Guid Id, Guid UserId, string UserName, InvitationStatus Status, DateTimeOffset? AnsweredAt, string? Comment);

public sealed record LocationRef(Guid Id, string Name, Address Address);

public sealed record AppointmentDto(
    Guid Id, Guid DossierId, string DossierReference, string Title, string? Comment, AppointmentStatus Status,
    Guid? MainUserId, string? MainUserName, Guid CreatedById, DateTimeOffset? Start, DateTimeOffset? End,
    LocationRef? Location, Address? Place, Guid? TaskId, string? CancelReason, int Sequence,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<InvitationDto> Invitations);

internal static class AppointmentView
{
    /// <summary>Reads an appointment with the names its parties and invitees go by.</summary>
    public static async Task<AppointmentDto> Load(AppDbContext db, Guid appointmentId, CancellationToken cancellationToken)
    {
        var a = await db.Appointments.AsNoTracking().Include(x => x.Parties).Include(x => x.Invitations)
                    .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == appointmentId, cancellationToken)
                ?? throw new NotFoundException("Appointment", appointmentId);
        return await ToDto(db, a, cancellationToken);
    }

    public static async Task<AppointmentDto> ToDto(AppDbContext db, Appointment a, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == a.DossierId)
            .Select(d => new { d.Reference, Participants = d.Participants.Select(p => new { p.Id, p.Name, p.Role }).ToList() })
            .SingleAsync(cancellationToken);
        var userIds = a.Parties.Where(p => p.UserId is not null).Select(p => p.UserId!.Value)
            .Concat(a.Invitations.Select(i => i.UserId)).Append(a.MainUserId ?? Guid.Empty).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        LocationRef? location = a.LocationId is null ? null
            : await db.Locations.Where(l => l.Id == a.LocationId).Select(l => new LocationRef(l.Id, l.Name, l.Address)).SingleOrDefaultAsync(cancellationToken);

        var parties = a.Parties.Select(p =>
        {
            if (p.UserId is { } u)
                return new PartyDto(PartyKind.InternalUser, null, u, names.GetValueOrDefault(u, "?"), null);
            var participant = dossier.Participants.FirstOrDefault(x => x.Id == p.ParticipantId);
            return new PartyDto(PartyKind.Participant, p.ParticipantId, null, participant?.Name ?? "(removed participant)", participant?.Role);
        }).ToList();
        var invitations = a.Invitations.OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationDto(i.Id, i.UserId, names.GetValueOrDefault(i.UserId, "?"), i.Status, i.AnsweredAt, i.Comment)).ToList();

        return new AppointmentDto(a.Id, a.DossierId, dossier.Reference, a.Title, a.Comment, a.Status, a.MainUserId,
            a.MainUserId is { } m ? names.GetValueOrDefault(m) : null, a.CreatedById, a.Start, a.End, location, a.Place, a.TaskId,
            a.CancelReason, a.Sequence, parties, invitations);
    }
}
