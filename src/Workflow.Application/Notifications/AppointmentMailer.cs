using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Calendars;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Notifications;

/// <summary>
/// Writes the iTIP e-mails an appointment change calls for, in the change's own transaction:
/// a REQUEST to everyone concerned when it is planned, a REQUEST with a higher SEQUENCE when it
/// moves, a CANCEL when a planned one is cancelled, and a REQUEST to each internal user invited later.
/// </summary>
internal sealed class AppointmentMailer(AppDbContext db, TimeProvider clock) : IBeforeCommitHandler
{
    public async Task Handle(IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        var byAppointment = events.Select(e => (Id: AppointmentOf(e), Event: e)).Where(x => x.Id is not null).GroupBy(x => x.Id!.Value);
        foreach (var group in byAppointment)
        {
            var appointment = db.ChangeTracker.Entries<Appointment>().Select(e => e.Entity).FirstOrDefault(a => a.Id == group.Key);
            if (appointment is null)
                continue;
            var kinds = group.Select(x => x.Event).ToList();
            var entry = await AppointmentCalendar.Build(db, appointment, ct);
            if (kinds.Any(k => k is AppointmentReminderDue) && kinds.Count(k => k is not AppointmentReminderDue) == 0)
            {
                var declined = await EmailsOf(appointment.Invitations.Where(i => i.Status == InvitationStatus.Declined).Select(i => i.UserId), ct);
                Enqueue(EmailKind.Reminder, appointment, entry, entry.Recipients.Where(r => !declined.Contains(r.Email.ToLowerInvariant())).ToList(), null);
            }
            else if (kinds.OfType<AppointmentCancelled>().Any(c => c.WasPlanned))
                Enqueue(EmailKind.Cancellation, appointment, entry, entry.Recipients, "CANCEL");
            else if (kinds.Any(k => k is AppointmentRescheduled))
                Enqueue(EmailKind.Update, appointment, entry, entry.Recipients, "REQUEST");
            else if (kinds.Any(k => k is AppointmentPlanned))
                Enqueue(EmailKind.Invitation, appointment, entry, entry.Recipients, "REQUEST");
            else
            {
                var invited = await EmailsOf(kinds.OfType<InvitationSent>().Select(i => i.UserId), ct);
                Enqueue(EmailKind.Invitation, appointment, entry, entry.Recipients.Where(r => invited.Contains(r.Email.ToLowerInvariant())).ToList(), "REQUEST");
            }
        }
    }

    private static Guid? AppointmentOf(IDomainEvent e) => e switch
    {
        AppointmentPlanned p => p.AppointmentId,
        AppointmentRescheduled r => r.AppointmentId,
        AppointmentCancelled { WasPlanned: true } c => c.AppointmentId,
        InvitationSent i => i.AppointmentId,
        AppointmentReminderDue r => r.AppointmentId,
        _ => null,
    };

    private async Task<HashSet<string>> EmailsOf(IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.ToList();
        if (ids.Count == 0)
            return [];
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Email!).ToListAsync(ct);
        return emails.Select(e => e.ToLowerInvariant()).ToHashSet();
    }

    private void Enqueue(EmailKind kind, Appointment a, AppointmentCalendarEntry entry, IEnumerable<(string Email, string Name, string TimeZone)> recipients, string? method)
    {
        var now = clock.GetUtcNow();
        var ics = method is null ? null : ICalendarWriter.Write([entry.Event], now, method);
        foreach (var (email, name, zone) in recipients)
        {
            var when = Local(entry.Event.Start, zone);
            var (prefix, intro) = kind switch
            {
                EmailKind.Cancellation => ("Annulé / Cancelled", "Ce rendez-vous est annulé. / This appointment is cancelled."),
                EmailKind.Update => ("Modifié / Updated", "Ce rendez-vous a changé. / This appointment has changed."),
                EmailKind.Reminder => ("Rappel / Reminder", "Rappel de votre rendez-vous. / A reminder of your appointment."),
                _ => ("Invitation", "Vous êtes invité(e) à ce rendez-vous. / You are invited to this appointment."),
            };
            var subject = $"{prefix}: {a.Title} — {when} ({entry.DossierReference})";
            var body = $"{intro}\n\n{a.Title}\n{when} ({zone})\n{entry.Event.Location}\nDossier {entry.DossierReference}\n";
            db.Add(new OutgoingEmail(kind, a.Id, email, name, subject, body, ics, method, now));
        }
    }

    internal static string Local(DateTimeOffset utc, string zone)
    {
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(utc, tz).ToString("dddd d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("fr-BE"));
    }
}
