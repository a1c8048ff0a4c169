using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

public static class GetAppointment
{
    public sealed record Query(Guid AppointmentId) : IQuery<AppointmentDto>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (appointment, _) = await AppointmentAccess.LoadVisible(db, query.AppointmentId, user, cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class ListDossierAppointments
{
    public sealed record Counts(int ToPlan, int Planned, int Done, int Cancelled);

    public sealed record Result(Counts Counts, IReadOnlyList<AppointmentDto> Appointments);

    public sealed record Query(Guid DossierId) : IQuery<Result>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(query.DossierId, user, cancellationToken);
            var appointments = await db.Appointments.AsNoTracking().Include(a => a.Parties).Include(a => a.Invitations).AsSplitQuery()
                .Where(a => a.DossierId == dossier.Id)
                .OrderBy(a => a.Start == null).ThenBy(a => a.Start).ThenBy(a => a.CreatedAt)
                .ToListAsync(cancellationToken);
            var dtos = new List<AppointmentDto>(appointments.Count);
            foreach (var a in appointments)
                dtos.Add(await AppointmentView.ToDto(db, a, cancellationToken));
            int Count(AppointmentStatus s) => appointments.Count(a => a.Status == s);
            return new Result(new Counts(Count(AppointmentStatus.ToPlan), Count(AppointmentStatus.Planned), Count(AppointmentStatus.Done), Count(AppointmentStatus.Cancelled)), dtos);
        }
    }
}
