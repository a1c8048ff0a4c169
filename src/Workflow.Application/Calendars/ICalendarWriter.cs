using System.Globalization;
using System.Text;

namespace Workflow.Application.Calendars;

public enum PartStat { NeedsAction, Accepted, Declined, Tentative }

public sealed record ICalAttendee(string Email, string Name, PartStat Status, bool Rsvp = true);

public sealed record ICalEvent(
    string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Description, string? Location,
    double? Latitude, double? Longitude, string? OrganizerEmail, string? OrganizerName, IReadOnlyList<ICalAttendee> Attendees,
    bool Cancelled = false, string? Url = null);

/// <summary>
/// Writes RFC 5545 text: CRLF line ends, lines folded at 75 octets, TEXT values escaped,
/// times in UTC. METHOD makes it an iTIP message (RFC 5546): REQUEST to invite or update,
/// CANCEL to withdraw; without METHOD it is a plain calendar (the private feeds).
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//Workflow//Dossiers and appointments//FR";

    public static string Write(IEnumerable<ICalEvent> events, DateTimeOffset stamp, string? method = null, string? calendarName = null)
    {
        var b = new StringBuilder();
        Line(b, "BEGIN:VCALENDAR");
        Line(b, "VERSION:2.0");
        Line(b, "PRODID:" + ProductId);
        Line(b, "CALSCALE:GREGORIAN");
        if (method is not null)
            Line(b, "METHOD:" + method);
        if (calendarName is not null)
            Line(b, "X-WR-CALNAME:" + Text(calendarName));
        foreach (var e in events)
            WriteEvent(b, e, stamp);
        Line(b, "END:VCALENDAR");
        return b.ToString();
    }

    private static void WriteEvent(StringBuilder b, ICalEvent e, DateTimeOffset stamp)
    {
        Line(b, "BEGIN:VEVENT");
        Line(b, "UID:" + e.Uid);
        Line(b, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(b, "DTSTAMP:" + Utc(stamp));
        Line(b, "DTSTART:" + Utc(e.Start));
        Line(b, "DTEND:" + Utc(e.End));
        Line(b, "SUMMARY:" + Text(e.Summary));
        if (!string.IsNullOrEmpty(e.Description))
            Line(b, "DESCRIPTION:" + Text(e.Description));
        if (!string.IsNullOrEmpty(e.Location))
            Line(b, "LOCATION:" + Text(e.Location));
        if (e is { Latitude: { } lat, Longitude: { } lon })
            Line(b, FormattableString.Invariant($"GEO:{lat:0.######};{lon:0.######}"));
        if (e.Url is not null)
            Line(b, "URL:" + e.Url);
        Line(b, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line(b, "TRANSP:OPAQUE");
        if (e.OrganizerEmail is not null)
            Line(b, $"ORGANIZER;CN={Param(e.OrganizerName ?? e.OrganizerEmail)}:mailto:{e.OrganizerEmail}");
        foreach (var a in e.Attendees)
            Line(b, $"ATTENDEE;CN={Param(a.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT={PartStatText(a.Status)};RSVP={(a.Rsvp ? "TRUE" : "FALSE")}:mailto:{a.Email}");
        Line(b, "END:VEVENT");
    }

    public static string PartStatText(PartStat status) => status switch
    {
        PartStat.Accepted => "ACCEPTED",
        PartStat.Declined => "DECLINED",
        PartStat.Tentative => "TENTATIVE",
        _ => "NEEDS-ACTION",
    };

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.</summary>
    public static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>A parameter value with a separator in it is quoted; quotes themselves cannot appear (RFC 5545 §3.2).</summary>
    private static string Param(string value)
    {
        var clean = value.Replace("\"", "'").Replace("\r", " ").Replace("\n", " ");
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    /// <summary>Folds at 75 octets of UTF-8, never inside a character, continuing with a space.</summary>
    private static void Line(StringBuilder b, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                b.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            b.Append(rune.ToString());
            octets += size;
        }
        b.Append("\r\n");
    }
}
