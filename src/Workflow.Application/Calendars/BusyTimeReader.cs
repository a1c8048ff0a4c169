namespace Workflow.Application.Calendars;

public readonly record struct BusySpan(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Turns an iCalendar feed into the spans its owner is busy within a window: recurring events
/// expanded (EXDATE removed, RECURRENCE-ID overrides applied), times read in their zone
/// (IANA or Windows id, else the feed's VTIMEZONE, else the owner's zone), free
/// (TRANSP:TRANSPARENT) and cancelled events left out.
/// </summary>
public static class BusyTimeReader
{
    public static List<BusySpan> Read(string ics, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeZoneInfo ownerZone)
    {
        var calendars = ICalendarParser.Parse(ics);
        var calendar = calendars.FirstOrDefault(c => c.Name == "VCALENDAR") ?? throw new FormatException("No VCALENDAR in the feed.");
        var defined = calendar.Children.Where(c => c.Name == "VTIMEZONE" && c.Get("TZID") is not null)
            .GroupBy(c => c.Get("TZID")!.Value).ToDictionary(g => g.Key, g => (IICalZone)new VTimeZone(g.First()));
        var floating = new SystemZone(ownerZone);
        IICalZone Zone(string tzid) =>
            TimeZoneInfo.TryFindSystemTimeZoneById(tzid, out var system) ? new SystemZone(system)
            : defined.TryGetValue(tzid, out var own) ? own
            : floating;

        var events = calendar.Children.Where(c => c.Name == "VEVENT").ToList();
        // Overrides of single occurrences, by UID and the original start they replace.
        var overridden = events.Where(e => e.Get("RECURRENCE-ID") is not null && e.Get("UID") is not null)
            .Select(e => (Uid: e.Get("UID")!.Value, At: ICalTime.Parse(e.Get("RECURRENCE-ID")!, Zone, floating).ToUtc()))
            .ToHashSet();

        var spans = new List<BusySpan>();
        foreach (var e in events)
        {
            if (e.Get("TRANSP")?.Value.Trim().Equals("TRANSPARENT", StringComparison.OrdinalIgnoreCase) == true
                || e.Get("STATUS")?.Value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase) == true
                || e.Get("DTSTART") is not { } dtStart)
                continue;
            var start = ICalTime.Parse(dtStart, Zone, floating);
            var length = Length(e, start, Zone, floating);
            if (length <= TimeSpan.Zero)
                continue;
            var uid = e.Get("UID")?.Value ?? "";
            if (e.Get("RRULE") is not { } rrule || e.Get("RECURRENCE-ID") is not null)
            {
                Add(spans, start.ToUtc(), length, windowStart, windowEnd);
                continue;
            }
            var rule = RecurrenceRule.Parse(rrule.Value, u => ICalTime.Parse(new ICalProperty("UNTIL", new Dictionary<string, string>(), u), Zone, start.Zone));
            var excluded = e.All("EXDATE").SelectMany(x => x.Value.Split(',').Select(v => ICalTime.Parse(x with { Value = v }, Zone, start.Zone).ToUtc())).ToHashSet();
            // Stop expanding a little after the window, in local terms (a day covers any offset).
            var stop = windowEnd.UtcDateTime.AddDays(1);
            foreach (var local in rule.Occurrences(start.Local, stop, t => start.With(t).ToUtc()))
            {
                var at = start.With(local).ToUtc();
                if (excluded.Contains(at) || overridden.Contains((uid, at)))
                    continue;
                Add(spans, at, length, windowStart, windowEnd);
            }
        }
        return spans.OrderBy(s => s.Start).ToList();
    }

    private static TimeSpan Length(ICalComponent e, ICalDateTime start, Func<string, IICalZone> zones, IICalZone floating)
    {
        if (e.Get("DTEND") is { } dtEnd)
            return ICalTime.Parse(dtEnd, zones, floating).ToUtc() - start.ToUtc();
        if (e.Get("DURATION") is { } duration)
            return ICalTime.ParseDuration(duration.Value);
        return start.IsDate ? TimeSpan.FromDays(1) : TimeSpan.Zero;
    }

    private static void Add(List<BusySpan> spans, DateTimeOffset start, TimeSpan length, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var end = start + length;
        if (start < windowEnd && windowStart < end)
            spans.Add(new BusySpan(start, end));
    }
}
