using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Scheduling;

internal static class AppointmentAccess
{
    /// <summary>Loads an appointment whose dossier the user may see; otherwise it does not exist for them.</summary>
    public static async Task<(Appointment Appointment, Dossier Dossier)> LoadVisible(AppDbContext db, Guid appointmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.Include(a => a.Parties).Include(a => a.Invitations).ThenInclude(i => i.Answers)
                              .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
                          ?? throw new NotFoundException("Appointment", appointmentId);
        var dossier = await db.Dossiers.Include(d => d.Participants).SingleAsync(d => d.Id == appointment.DossierId, cancellationToken);
        if (!dossier.IsVisibleTo(user))
            throw new NotFoundException("Appointment", appointmentId);
        return (appointment, dossier);
    }

    /// <summary>Planners and admins change any appointment; others only those in their agenda or that they created.</summary>
    public static async Task<(Appointment Appointment, Dossier Dossier)> LoadForChange(AppDbContext db, Guid appointmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var loaded = await LoadVisible(db, appointmentId, user, cancellationToken);
        var a = loaded.Appointment;
        if (!user.IsInAnyRole(Roles.Planner, Roles.Admin) && a.MainUserId != user.Id && a.CreatedById != user.Id)
            throw new ForbiddenException("not-organiser", "Only a planner, an admin, the main user or the creator changes this appointment.");
        return loaded;
    }

    /// <summary>
    /// Who plans what (docs/architecture.md, Rules): planners and admins on any dossier they may see, in any
    /// agenda; anyone else (an expert) only on a dossier they work on (its referent or an internal-user
    /// participant, which the assigned expert is) and only in their own agenda.
    /// </summary>
    public static void EnsureMayPlan(Dossier dossier, Guid? mainUserId, CurrentUser user)
    {
        if (user.IsInAnyRole(Roles.Planner, Roles.Admin))
            return;
        if (dossier.ReferentId != user.Id && dossier.Participants.All(p => p.UserId != user.Id))
            throw new ForbiddenException("not-on-dossier", "Only planners plan on a dossier one is neither the referent nor a participant of.");
        if (mainUserId is { } main && main != user.Id)
            throw new ForbiddenException("not-own-agenda", "Only planners plan in someone else's agenda.");
    }
}
