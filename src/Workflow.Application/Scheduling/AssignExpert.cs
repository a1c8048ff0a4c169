using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

public static class AssignExpert
{
    public sealed record Result(DossierDto Dossier, AppointmentDto? Appointment);

    /// <summary>
    /// Makes a user the dossier's expert, replacing the previous one. With an appointment, moves
    /// it into the new expert's agenda at the same time, under the agenda rules (iWE's "change the expert").
    /// </summary>
    public sealed record Command(Guid DossierId, Guid ExpertId, Guid? AppointmentId = null) : ICommand<Result>, IOnDossier;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DossierId).NotEmpty();
            RuleFor(c => c.ExpertId).NotEmpty();
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BookingRules rules) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, ct);
            var expert = await db.Users.Where(u => u.Id == command.ExpertId).Select(u => new { u.Id, u.FullName, u.Email }).SingleOrDefaultAsync(ct)
                         ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("expertId", "No user has this id.")]);
            var isExpert = await db.UserRoles.AnyAsync(ur => ur.UserId == expert.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert), ct);
            if (!isExpert)
                throw new DomainException("not-an-expert", "This user does not have the expert role.", unprocessable: true);

            var now = clock.GetUtcNow();
            dossier.AssignInternalUser("expert", expert.Id, expert.FullName, expert.Email, now);

            AppointmentDto? moved = null;
            if (command.AppointmentId is { } appointmentId)
            {
                var (appointment, _) = await AppointmentAccess.LoadForChange(db, appointmentId, user, ct);
                if (appointment.DossierId != dossier.Id)
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure("appointmentId", "This appointment belongs to another dossier.")]);
                if (appointment.Status == AppointmentStatus.Planned && appointment.MainUserId != expert.Id)
                {
                    await rules.EnsureBookable(expert.Id, user.Id, appointment.Start!.Value, appointment.End!.Value, appointment.Id, ct);
                    appointment.Reschedule(expert.Id, appointment.Start.Value, appointment.End!.Value, user.Id, now);
                }
                await db.SaveChangesAsync(ct);
                moved = await AppointmentView.ToDto(db, appointment, ct);
            }
            return new Result(DossierDto.From(dossier), moved);
        }
    }
}

public static class BookAppointment
{
    /// <summary>
    /// Books an appointment in one step, as a workflow's service task does after the planning
    /// form: optionally makes the main user the dossier's expert first, then books the slot.
    /// </summary>
    public sealed record Command(Guid DossierId, string Title, Guid MainUserId, DateTimeOffset Start, DateTimeOffset End, bool AssignAsExpert = false,
        Guid? LocationId = null, Address? Place = null, IReadOnlyList<Guid>? ParticipantIds = null, IReadOnlyList<Guid>? UserIds = null,
        string? Comment = null, Guid? TaskId = null) : ICommand<AppointmentDto>, IOnDossier;

    internal sealed class Handler(MediatR.IMediator mediator) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command c, CancellationToken ct)
        {
            // Both steps share the caller's transaction: a refused slot leaves the expert unassigned.
            if (c.AssignAsExpert)
                await mediator.Send(new AssignExpert.Command(c.DossierId, c.MainUserId), ct);
            return await mediator.Send(new CreateAppointment.Command(c.DossierId, c.Title, c.MainUserId, c.Start, c.End, c.LocationId, c.Place,
                c.ParticipantIds, c.UserIds, c.Comment, c.TaskId), ct);
        }
    }
}

public static class DeleteAppointment
{
    /// <summary>Only an appointment still to plan is deleted; a planned one is cancelled, so its history stays.</summary>
    public sealed record Command(Guid AppointmentId) : ICommand<MediatR.Unit>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, ct);
            appointment.Delete(user.RequireId(), clock.GetUtcNow());
            db.Appointments.Remove(appointment);
            return MediatR.Unit.Value;
        }
    }
}
