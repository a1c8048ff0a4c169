using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Notifications;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Calendars;

public static class CreatePersonalFeed
{
    public sealed record Result(string Token);

    /// <summary>Gives the user a new secret feed address of their appointments; the previous one stops working.</summary>
    public sealed record Command(Guid UserId) : ICommand<Result>;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            await FeedAccess.EnsureOwnerExists(db, user, command.UserId, ct);
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await db.PersonalFeedTokens.Where(t => t.UserId == command.UserId).ExecuteDeleteAsync(ct);
            db.PersonalFeedTokens.Add(new PersonalFeedToken(command.UserId, PersonalFeedToken.Hash(token), clock.GetUtcNow()));
            return new Result(token);
        }
    }
}

public static class RevokePersonalFeed
{
    public sealed record Command(Guid UserId) : ICommand<MediatR.Unit>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            await FeedAccess.EnsureOwnerExists(db, user, command.UserId, ct);
            await db.PersonalFeedTokens.Where(t => t.UserId == command.UserId).ExecuteDeleteAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}

public static class ReadPersonalFeed
{
    /// <summary>
    /// The iCalendar feed behind a personal token: the appointments in the user's agenda and
    /// those they accepted or may attend, from a month ago to a year ahead. An unknown token is
    /// a 404, like any other secret URL.
    /// </summary>
    public sealed record Query(string Token) : IQuery<string>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : MediatR.IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken ct)
        {
            var hash = PersonalFeedToken.Hash(query.Token);
            var owner = await db.PersonalFeedTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.UserId).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException("Calendar", "(token)");
            var now = clock.GetUtcNow();
            var (from, to) = (now.AddDays(-31), now.AddDays(366));
            var appointments = await db.Appointments.AsNoTracking().Include(a => a.Parties).Include(a => a.Invitations).AsSplitQuery()
                .Where(a => a.Status == AppointmentStatus.Planned && a.Start < to && a.End > from)
                .Where(a => a.MainUserId == owner || a.Invitations.Any(i => i.UserId == owner && i.Status != InvitationStatus.Declined))
                .OrderBy(a => a.Start).Take(2000).ToListAsync(ct);
            var events = new List<ICalEvent>(appointments.Count);
            foreach (var a in appointments)
                events.Add((await AppointmentCalendar.Build(db, a, ct)).Event);
            var name = await db.Users.Where(u => u.Id == owner).Select(u => u.FullName).SingleAsync(ct);
            return ICalendarWriter.Write(events, now, calendarName: $"Workflow — {name}");
        }
    }
}
