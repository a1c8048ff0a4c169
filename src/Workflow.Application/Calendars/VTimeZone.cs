using System.Globalization;

namespace Workflow.Application.Calendars;

/// <summary>
/// A zone defined by the calendar itself (Outlook writes "Romance Standard Time" with its rules):
/// STANDARD and DAYLIGHT observances, each an onset (DTSTART, often with a yearly RRULE) and the
/// offset it switches to.
/// </summary>
public sealed class VTimeZone : IICalZone
{
    private readonly List<(DateTime Onset, RecurrenceRule? Rule, TimeSpan OffsetTo, TimeSpan OffsetFrom)> _observances = [];

    public VTimeZone(ICalComponent component)
    {
        foreach (var observance in component.Children.Where(c => c.Name is "STANDARD" or "DAYLIGHT"))
        {
            var start = observance.Get("DTSTART") ?? throw new FormatException("A VTIMEZONE observance has no DTSTART.");
            var onset = DateTime.ParseExact(start.Value.Trim().TrimEnd('Z'), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            var rule = observance.Get("RRULE") is { } r
                ? RecurrenceRule.Parse(r.Value, u => new ICalDateTime(DateTime.ParseExact(u.TrimEnd('Z')[..15], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), true, false, SystemZone.Utc))
                : null;
            _observances.Add((onset, rule, Offset(observance.Get("TZOFFSETTO")), Offset(observance.Get("TZOFFSETFROM"))));
        }
        if (_observances.Count == 0)
            throw new FormatException("A VTIMEZONE has no STANDARD or DAYLIGHT observance.");
    }

    public DateTimeOffset ToUtc(DateTime local)
    {
        // The observance in force is the one whose latest onset (in the local time before it) is not after this time.
        var best = (Onset: DateTime.MinValue, Offset: _observances[0].OffsetTo);
        foreach (var (onset, rule, to, _) in _observances)
        {
            var latest = rule is null
                ? (onset <= local ? onset : (DateTime?)null)
                : rule.Occurrences(onset, local, t => new DateTimeOffset(t, TimeSpan.Zero)).Cast<DateTime?>().LastOrDefault();
            if (latest is { } l && l > best.Onset)
                best = (l, to);
        }
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), best.Offset).ToUniversalTime();
    }

    private static TimeSpan Offset(ICalProperty? property)
    {
        var v = property?.Value.Trim() ?? throw new FormatException("A VTIMEZONE observance has no TZOFFSETTO/TZOFFSETFROM.");
        var sign = v.StartsWith('-') ? -1 : 1;
        var digits = v.TrimStart('+', '-');
        var offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..4], CultureInfo.InvariantCulture), digits.Length >= 6 ? int.Parse(digits[4..6], CultureInfo.InvariantCulture) : 0);
        return sign * offset;
    }
}
