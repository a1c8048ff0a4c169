using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

public static class CreateAppointment
{
    /// <summary>
    /// Creates an appointment on a dossier. With a main user, a start and an end it is booked
    /// (planned) at once, under the agenda rules; without a slot it is recorded as still to plan.
    /// </summary>
    public sealed record Command(Guid DossierId, string Title, Guid? MainUserId = null, DateTimeOffset? Start = null, DateTimeOffset? End = null,
        Guid? LocationId = null, Address? Place = null, IReadOnlyList<Guid>? ParticipantIds = null, IReadOnlyList<Guid>? UserIds = null,
        string? Comment = null, Guid? TaskId = null) : ICommand<AppointmentDto>, IOnDossier;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DossierId).NotEmpty();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Comment).MaximumLength(4000);
            RuleFor(c => c.End).NotNull().When(c => c.Start is not null).WithMessage("Give an end with the start.");
            RuleFor(c => c.Start).NotNull().When(c => c.End is not null).WithMessage("Give a start with the end.");
            RuleFor(c => c.End).GreaterThan(c => c.Start).When(c => c.Start is not null && c.End is not null).WithMessage("'end' must be after 'start'.");
            RuleFor(c => c.MainUserId).NotEmpty().When(c => c.Start is not null).WithMessage("A booked appointment names its main user.");
            RuleFor(c => c.Place!).SetValidator(new AddressValidator()).When(c => c.Place is not null);
            RuleFor(c => c.ParticipantIds).Must(p => p!.Count <= 100).When(c => c.ParticipantIds is not null);
            RuleFor(c => c.UserIds).Must(p => p!.Count <= 100).When(c => c.UserIds is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BookingRules rules) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = user.RequireId();
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            if (dossier.Status != DossierStatus.Open)
                throw new DomainException("dossier-closed", "The dossier is closed.");
            AppointmentAccess.EnsureMayPlan(dossier, command.MainUserId, user);
            await AppointmentInputs.Check(db, dossier, command.MainUserId, command.LocationId, command.ParticipantIds, command.UserIds, command.TaskId, cancellationToken);
            await rules.EnsureEntitled(dossier, (command.UserIds ?? []).Concat(command.MainUserId is { } m ? [m] : []), cancellationToken);

            var now = clock.GetUtcNow();
            var appointment = Appointment.Create(dossier.Id, command.Title.Trim(), command.Comment, actor, command.MainUserId,
                command.LocationId, command.Place, command.TaskId, now);
            appointment.SetParties(command.ParticipantIds ?? [], command.UserIds ?? [], now);
            if (command is { MainUserId: { } mainUser, Start: { } start, End: { } end })
            {
                await rules.EnsureBookable(mainUser, actor, start, end, null, cancellationToken);
                appointment.Plan(mainUser, start, end, now);
            }
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

internal static class AppointmentInputs
{
    /// <summary>Every id the request names must exist and belong where it claims: each problem is reported against its field.</summary>
    public static async Task Check(AppDbContext db, Dossier dossier, Guid? mainUserId, Guid? locationId, IReadOnlyList<Guid>? participantIds,
        IReadOnlyList<Guid>? userIds, Guid? taskId, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (mainUserId is { } m && !await db.Users.AnyAsync(u => u.Id == m, cancellationToken))
            failures.Add(new("mainUserId", "No user has this id."));
        if (locationId is { } l && !await db.Locations.AnyAsync(x => x.Id == l, cancellationToken))
            failures.Add(new("locationId", "No location has this id."));
        foreach (var (id, i) in (participantIds ?? []).Select((id, i) => (id, i)))
            if (dossier.Participants.All(p => p.Id != id))
                failures.Add(new($"participantIds[{i}]", "This participant does not belong to the dossier."));
        var users = (userIds ?? []).ToList();
        var known = await db.Users.Where(u => users.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var (id, i) in users.Select((id, i) => (id, i)))
            if (!known.Contains(id))
                failures.Add(new($"userIds[{i}]", "No user has this id."));
        if (taskId is { } t && !await db.Tasks.AnyAsync(x => x.Id == t && x.DossierId == dossier.Id, cancellationToken))
            failures.Add(new("taskId", "No task of this dossier has this id."));
        if (failures.Count > 0)
            throw new ValidationException(failures);
    }
}
