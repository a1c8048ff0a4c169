using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

/// <summary>
/// The rules of the main user's agenda. A planned appointment lies inside one of the main
/// user's availability ranges (unless the main user books it for themself) and overlaps none
/// of their other planned appointments. The overlap rule is also an exclusion constraint in
/// PostgreSQL, which decides between concurrent bookings; this check gives the early, clear answer.
/// </summary>
public sealed class BookingRules(AppDbContext db)
{
    public async Task EnsureBookable(Guid mainUserId, Guid actorId, DateTimeOffset start, DateTimeOffset end, Guid? ignoreAppointment, CancellationToken cancellationToken)
    {
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        if (actorId != mainUserId)
        {
            var inside = await db.AvailabilityRanges.AnyAsync(r => r.UserId == mainUserId && r.Start <= start && end <= r.End, cancellationToken);
            if (!inside)
                throw new DomainException("outside-availability",
                    "The slot is outside the main user's availability ranges. Pick a slot inside one, or book it in your own agenda.");
            // Busy in their own calendar (Outlook, Google): only they may decide to book over it.
            if (await db.ExternalBusyTimes.AnyAsync(b => b.UserId == mainUserId && b.Start < end && start < b.End, cancellationToken))
                throw new DomainException("busy-elsewhere", "The main user is busy at that time in their own calendar.");
        }

        var overlap = await db.Appointments.AnyAsync(a => a.MainUserId == mainUserId && a.Status == AppointmentStatus.Planned
                                                          && a.Id != ignoreAppointment && a.Start < end && start < a.End, cancellationToken);
        if (overlap)
            throw new DomainException("overlap", "The main user already has a planned appointment at that time.");
    }

    /// <summary>On a confidential dossier only entitled users (referent, internal participants, admins) may be the main user or be invited.</summary>
    public async Task EnsureEntitled(Dossier dossier, IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        if (!dossier.Confidential)
            return;
        var ids = userIds.Distinct().ToList();
        var admins = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Admin && ids.Contains(ur.UserId) select ur.UserId).ToListAsync(cancellationToken);
        var refused = ids.Where(id => id != dossier.ReferentId && !admins.Contains(id) && dossier.Participants.All(p => p.UserId != id)).ToList();
        if (refused.Count > 0)
            throw new DomainException("not-entitled",
                $"The dossier is confidential and these users do not take part in it: {string.Join(", ", refused)}. Add them as participants first.",
                unprocessable: true);
    }
}
