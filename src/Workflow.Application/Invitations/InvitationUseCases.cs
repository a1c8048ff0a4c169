using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Invitations;

public sealed record MyInvitationDto(
    Guid Id, InvitationStatus Status, DateTimeOffset? AnsweredAt, Guid AppointmentId, string Title, Guid DossierId, string DossierReference,
    DateTimeOffset? Start, DateTimeOffset? End, Guid? MainUserId, string? MainUserName, AppointmentStatus AppointmentStatus);

public static class MyInvitations
{
    /// <summary>
    /// The caller's invitations to planned appointments; by default only those still waiting for an answer. Only on
    /// dossiers the caller may still see (one taken off a confidential dossier cannot open those appointments).
    /// </summary>
    public sealed record Query(InvitationStatus? Status = InvitationStatus.Pending) : IQuery<IReadOnlyList<MyInvitationDto>>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<MyInvitationDto>>
    {
        public async Task<IReadOnlyList<MyInvitationDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireId();
            var rows = from i in db.Invitations
                       where i.UserId == me && (query.Status == null || i.Status == query.Status)
                       join a in db.Appointments on i.AppointmentId equals a.Id
                       where a.Status == AppointmentStatus.Planned
                       join d in db.Visible(user) on a.DossierId equals d.Id
                       join m in db.Users on a.MainUserId equals m.Id into ms
                       from m in ms.DefaultIfEmpty()
                       orderby a.Start
                       select new MyInvitationDto(i.Id, i.Status, i.AnsweredAt, a.Id, a.Title, d.Id, d.Reference, a.Start, a.End, a.MainUserId,
                           m == null ? null : m.FullName, a.Status);
            return await rows.Take(500).ToListAsync(cancellationToken);
        }
    }
}

public static class PendingInvitationCount
{
    public sealed record Result(int Pending);

    public sealed record Query : IQuery<Result>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireId();
            var visible = db.Visible(user);
            var count = await db.Invitations.CountAsync(i => i.UserId == me && i.Status == InvitationStatus.Pending
                && db.Appointments.Any(a => a.Id == i.AppointmentId && a.Status == AppointmentStatus.Planned
                                            && visible.Any(d => d.Id == a.DossierId)), cancellationToken);
            return new Result(count);
        }
    }
}

/// <summary>What an invitee may answer: an invitation's statuses but "pending", which is where it starts.</summary>
public enum InvitationReply { Accepted = InvitationStatus.Accepted, Declined = InvitationStatus.Declined, Tentative = InvitationStatus.Tentative }

public static class AnswerInvitation
{
    public sealed record Command(Guid InvitationId, InvitationStatus Answer, string? Comment = null) : ICommand<InvitationDto>, IOnInvitation;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InvitationId).NotEmpty();
            RuleFor(c => c.Answer).IsInEnum().NotEqual(InvitationStatus.Pending).WithMessage("Answer 'accepted', 'declined' or 'tentative'.");
            RuleFor(c => c.Comment).MaximumLength(1000);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, InvitationDto>
    {
        public async Task<InvitationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireId();
            var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken)
                             ?? throw new NotFoundException("Invitation", command.InvitationId);
            if (invitation.UserId != me)
                throw new ForbiddenException("not-invitee", "Only the invitee answers an invitation.");
            var appointment = await db.Appointments.Include(a => a.Parties).Include(a => a.Invitations).ThenInclude(i => i.Answers)
                .AsSplitQuery().SingleAsync(a => a.Id == invitation.AppointmentId, cancellationToken);
            var answered = appointment.AnswerInvitation(me, command.Answer, command.Comment, clock.GetUtcNow());
            var name = await db.Users.Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(cancellationToken);
            return new InvitationDto(answered.Id, answered.UserId, name, answered.Status, answered.AnsweredAt, answered.Comment);
        }
    }
}
