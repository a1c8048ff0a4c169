using Microsoft.EntityFrameworkCore;
using Workflow.Application.Calendars;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Notifications;

/// <summary>One appointment as iCalendar sees it, with the people it concerns and their e-mail addresses.</summary>
public sealed record AppointmentCalendarEntry(ICalEvent Event, IReadOnlyList<(string Email, string Name, string TimeZone)> Recipients, string DossierReference, string MainUserTimeZone);

internal static class AppointmentCalendar
{
    public const string UidSuffix = "@workflow";

    /// <summary>
    /// Builds from the tracked aggregates when the same transaction changed them, so what is
    /// mailed is what is about to be committed.
    /// </summary>
    public static async Task<AppointmentCalendarEntry> Build(AppDbContext db, Appointment a, CancellationToken ct)
    {
        var dossier = db.ChangeTracker.Entries<Dossier>().Select(e => e.Entity).FirstOrDefault(d => d.Id == a.DossierId)
                      ?? await db.Dossiers.Include(d => d.Participants).AsNoTracking().SingleAsync(d => d.Id == a.DossierId, ct);
        var userIds = a.Invitations.Select(i => i.UserId).Append(a.CreatedById).Append(a.MainUserId ?? Guid.Empty).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).AsNoTracking()
            .ToDictionaryAsync(u => u.Id, u => (Email: u.Email ?? "", u.FullName, u.TimeZone), ct);
        var location = a.LocationId is null ? null : await db.Locations.AsNoTracking().Where(l => l.Id == a.LocationId).Select(l => new { l.Name, l.Address }).SingleOrDefaultAsync(ct);
        var where = location?.Address ?? a.Place ?? dossier.Address;
        var mainZone = a.MainUserId is { } m && users.TryGetValue(m, out var main) ? main.TimeZone : "Europe/Brussels";

        var attendees = new List<ICalAttendee>();
        var recipients = new List<(string, string, string)>();
        if (a.MainUserId is { } mainId && users.TryGetValue(mainId, out var mainUser))
        {
            attendees.Add(new ICalAttendee(mainUser.Email, mainUser.FullName, PartStat.Accepted, Rsvp: false));
            recipients.Add((mainUser.Email, mainUser.FullName, mainUser.TimeZone));
        }
        foreach (var invitation in a.Invitations.Where(i => users.ContainsKey(i.UserId)))
        {
            var u = users[invitation.UserId];
            attendees.Add(new ICalAttendee(u.Email, u.FullName, ToPartStat(invitation.Status)));
            recipients.Add((u.Email, u.FullName, u.TimeZone));
        }
        foreach (var party in a.Parties.Where(p => p.ParticipantId is not null))
        {
            var participant = dossier.Participants.FirstOrDefault(p => p.Id == party.ParticipantId);
            if (participant?.Email is { Length: > 0 } email)
            {
                attendees.Add(new ICalAttendee(email, participant.Name, PartStat.NeedsAction));
                recipients.Add((email, participant.Name, mainZone));
            }
        }

        var organizer = users.GetValueOrDefault(a.CreatedById);
        var summary = $"{a.Title} — {dossier.Reference}";
        var description = string.IsNullOrWhiteSpace(a.Comment) ? $"Dossier {dossier.Reference}: {dossier.Title}" : $"Dossier {dossier.Reference}: {dossier.Title}\n\n{a.Comment}";
        var locationText = location is null ? where?.Text : $"{location.Name}, {location.Address.Text}";
        var e = new ICalEvent(a.Id + UidSuffix, a.Sequence, a.Start ?? a.CreatedAt, a.End ?? a.CreatedAt, summary, description, locationText,
            where?.Latitude, where?.Longitude, organizer.Email, organizer.FullName, attendees, a.Status == AppointmentStatus.Cancelled);
        return new AppointmentCalendarEntry(e, recipients.DistinctBy(r => r.Item1.ToLowerInvariant()).ToList(), dossier.Reference, mainZone);
    }

    public static PartStat ToPartStat(InvitationStatus status) => status switch
    {
        InvitationStatus.Accepted => PartStat.Accepted,
        InvitationStatus.Declined => PartStat.Declined,
        InvitationStatus.Tentative => PartStat.Tentative,
        _ => PartStat.NeedsAction,
    };
}
