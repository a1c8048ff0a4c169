using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Workflow.Application.Calendars;

public enum PartStat { NeedsAction, Accepted, Declined, Tentative }

public sealed record ICalAttendee(string Email, string Name, PartStat Status, bool Rsvp = true);

/// <summary>An appointment as the invitations and the personal feeds show it.</summary>
public sealed record ICalEvent(
    string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Description, string? Location,
    double? Latitude, double? Longitude, string? OrganizerEmail, string? OrganizerName, IReadOnlyList<ICalAttendee> Attendees,
    bool Cancelled = false, string? Url = null);

/// <summary>
/// Writes appointments as iCalendar with Ical.Net (which escapes TEXT, quotes parameters and folds lines),
/// times in UTC. METHOD makes it an iTIP message (RFC 5546): REQUEST to invite or update, CANCEL to withdraw,
/// with SEQUENCE, ORGANIZER and each ATTENDEE's PARTSTAT; without METHOD it is a plain calendar (the personal feeds).
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//Workflow//Dossiers and appointments//FR";

    public static string Write(IEnumerable<ICalEvent> events, DateTimeOffset stamp, string? method = null, string? calendarName = null)
    {
        var calendar = new Calendar { ProductId = ProductId, Scale = CalendarScales.Gregorian };
        if (method is not null)
            calendar.Method = method;
        if (calendarName is not null)
            calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var e in events)
            calendar.Events.Add(ToEvent(e, stamp));
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net wrote nothing.");
    }

    private static CalendarEvent ToEvent(ICalEvent e, DateTimeOffset stamp)
    {
        var v = new CalendarEvent
        {
            Uid = e.Uid,
            Sequence = e.Sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(e.Start),
            DtEnd = Utc(e.End),
            Summary = e.Summary,
            Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
            Location = string.IsNullOrEmpty(e.Location) ? null : e.Location,
            Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
        };
        if (e is { Latitude: { } lat, Longitude: { } lon })
            v.GeographicLocation = new GeographicLocation(lat, lon);
        if (e.Url is not null)
            v.Url = new Uri(e.Url);
        if (e.OrganizerEmail is not null)
            v.Organizer = new Organizer("mailto:" + e.OrganizerEmail) { CommonName = ParameterText(e.OrganizerName ?? e.OrganizerEmail) };
        foreach (var a in e.Attendees)
        {
            v.Attendees.Add(new Attendee("mailto:" + a.Email)
            {
                CommonName = ParameterText(a.Name),
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = PartStatText(a.Status),
                Rsvp = a.Rsvp,
            });
        }
        return v;
    }

    public static string PartStatText(PartStat status) => status switch
    {
        PartStat.Accepted => EventParticipationStatus.Accepted,
        PartStat.Declined => EventParticipationStatus.Declined,
        PartStat.Tentative => EventParticipationStatus.Tentative,
        _ => EventParticipationStatus.NeedsAction,
    };

    /// <summary>
    /// Ical.Net quotes a parameter value with a separator in it and drops double quotes, but writes a line break
    /// as it is, which ends the content line (a name could then inject a property): control characters become
    /// spaces, and double quotes, which a parameter cannot hold (RFC 5545 §3.2), apostrophes.
    /// </summary>
    public static string ParameterText(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c == '"' ? '\'' : c));

    private static CalDateTime Utc(DateTimeOffset t) => new(t.UtcDateTime, CalDateTime.UtcTzId);
}
