using FluentValidation;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

public static class PlanAppointment
{
    /// <summary>Books an appointment that was still to plan.</summary>
    public sealed record Command(Guid AppointmentId, Guid MainUserId, DateTimeOffset Start, DateTimeOffset End) : ICommand<AppointmentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MainUserId).NotEmpty();
            RuleFor(c => c.Start).NotEmpty();
            RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("'end' must be after 'start'.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BookingRules rules) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (appointment, dossier) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, cancellationToken);
            AppointmentAccess.EnsureMayPlan(dossier, command.MainUserId, user);
            await AppointmentInputs.Check(db, dossier, command.MainUserId, null, null, null, null, cancellationToken);
            await rules.EnsureEntitled(dossier, [command.MainUserId], cancellationToken);
            await rules.EnsureBookable(command.MainUserId, user.Id, command.Start, command.End, appointment.Id, cancellationToken);
            appointment.Plan(command.MainUserId, command.Start, command.End, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class RescheduleAppointment
{
    /// <summary>Moves a planned appointment to another slot, and optionally into another main user's agenda.</summary>
    public sealed record Command(Guid AppointmentId, DateTimeOffset Start, DateTimeOffset End, Guid? MainUserId = null) : ICommand<AppointmentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Start).NotEmpty();
            RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("'end' must be after 'start'.");
            RuleFor(c => c.MainUserId).NotEqual(Guid.Empty).When(c => c.MainUserId is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BookingRules rules) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (appointment, dossier) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, cancellationToken);
            if (appointment.Status != AppointmentStatus.Planned)
                throw new DomainException("illegal-status-change", $"Cannot reschedule an appointment that is {Kebab.Of(appointment.Status)}.");
            var mainUser = command.MainUserId ?? appointment.MainUserId!.Value;
            if (mainUser != appointment.MainUserId)
                AppointmentAccess.EnsureMayPlan(dossier, mainUser, user);
            await AppointmentInputs.Check(db, dossier, mainUser, null, null, null, null, cancellationToken);
            await rules.EnsureEntitled(dossier, [mainUser], cancellationToken);
            await rules.EnsureBookable(mainUser, user.Id, command.Start, command.End, appointment.Id, cancellationToken);
            appointment.Reschedule(mainUser, command.Start, command.End, user.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class CancelAppointment
{
    public sealed record Command(Guid AppointmentId, string Reason) : ICommand<AppointmentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (appointment, _) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, cancellationToken);
            appointment.Cancel(user.Id, command.Reason.Trim(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class MarkAppointmentDone
{
    public sealed record Command(Guid AppointmentId) : ICommand<AppointmentDto>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (appointment, _) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, cancellationToken);
            appointment.MarkDone(user.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class SetAppointmentParties
{
    public sealed record Command(Guid AppointmentId, IReadOnlyList<Guid> ParticipantIds, IReadOnlyList<Guid> UserIds) : ICommand<AppointmentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ParticipantIds).NotNull().Must(p => p.Count <= 100);
            RuleFor(c => c.UserIds).NotNull().Must(p => p.Count <= 100);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BookingRules rules) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (appointment, dossier) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, cancellationToken);
            await AppointmentInputs.Check(db, dossier, null, null, command.ParticipantIds, command.UserIds, null, cancellationToken);
            await rules.EnsureEntitled(dossier, command.UserIds, cancellationToken);
            appointment.SetParties(command.ParticipantIds, command.UserIds, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await AppointmentView.ToDto(db, appointment, cancellationToken);
        }
    }
}

public static class InviteParticipants
{
    /// <summary>Adds concerned parties to an appointment, keeping those already there; the internal users among them are invited (and mailed).</summary>
    public sealed record Command(Guid AppointmentId, IReadOnlyList<Guid>? ParticipantIds = null, IReadOnlyList<Guid>? UserIds = null) : ICommand<AppointmentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AppointmentId).NotEmpty();
            RuleFor(c => c).Must(c => (c.ParticipantIds?.Count ?? 0) + (c.UserIds?.Count ?? 0) > 0).WithName("userIds")
                .WithMessage("Name at least one participant or user to invite.");
        }
    }

    internal sealed class Handler(MediatR.IMediator mediator, AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, AppointmentDto>
    {
        public async Task<AppointmentDto> Handle(Command command, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, ct);
            var participants = appointment.Parties.Where(p => p.ParticipantId is not null).Select(p => p.ParticipantId!.Value).Union(command.ParticipantIds ?? []).ToList();
            var users = appointment.InternalUserIds.Union(command.UserIds ?? []).ToList();
            return await mediator.Send(new SetAppointmentParties.Command(command.AppointmentId, participants, users), ct);
        }
    }
}
