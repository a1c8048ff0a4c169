using System.Diagnostics;
using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;

namespace Workflow.Application.Calendars;

public readonly record struct BusySpan(DateTimeOffset Start, DateTimeOffset End);

/// <summary>What a feed says about its owner's time, and what the reader had to guess (unknown zones).</summary>
public sealed record BusyTimes(IReadOnlyList<BusySpan> Spans, IReadOnlyList<string> Warnings);

/// <summary>
/// Bounds that keep a hostile or broken feed from taking the server's memory or time. Ical.Net 5.2 expands lazily,
/// occurrence by occurrence from DTSTART: the reader times and counts what it is handed (<see cref="MaxTime"/>,
/// <see cref="MaxSpans"/> within the window); a rule that finds nothing stops after <see cref="MaxUnmatchedIncrements"/>
/// empty steps; and a rule that is plainly too dense (every second since 1990) is refused before it is expanded,
/// by an estimate of its steps up to the window's end (<see cref="MaxSteps"/>, for the whole feed).
/// </summary>
public sealed record BusyTimeLimits(int MaxSpans, TimeSpan MaxTime, int MaxUnmatchedIncrements, long MaxSteps)
{
    /// <summary>
    /// 10,000 spans in the half-year window is 50 a day; 5 s is a thousand times what a real feed takes; 500,000
    /// steps take Ical.Net about 5 s (measured at 10 µs each).
    /// </summary>
    public static readonly BusyTimeLimits Default = new(10_000, TimeSpan.FromSeconds(5), 10_000, 500_000);
}

/// <summary>
/// Turns an iCalendar feed into the spans its owner is busy within a window, with Ical.Net: recurring events
/// expanded (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides), times read in their zone (<see cref="FeedTimeZones"/>),
/// floating times and all-day events in the owner's zone, free (TRANSP:TRANSPARENT) and cancelled events left out.
/// A feed that cannot be read is a <see cref="FormatException"/> saying why.
/// </summary>
public static class BusyTimeReader
{
    public static BusyTimes Read(string ics, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeZoneInfo ownerZone, BusyTimeLimits? limits = null)
    {
        limits ??= BusyTimeLimits.Default;
        var clock = Stopwatch.StartNew();
        var calendar = Load(ics);
        var from = Instant.FromDateTimeOffset(windowStart);
        var to = Instant.FromDateTimeOffset(windowEnd);
        try
        {
            var (zones, scope) = FeedTimeZones.Use(calendar, FeedTimeZones.ToNodaZone(ownerZone), from, to);
            using (scope)
            {
                CheckStarts(calendar);
                CheckSteps(calendar, zones.Owner, to, limits.MaxSteps);
                var spans = new List<BusySpan>();
                // Expanded from each DTSTART, not from the window: Ical.Net jumps to a start time only for rules of a day
                // or more without COUNT, and would step through the rest without handing anything over, out of reach
                // of the time limit. Occurrences come in the order of their starts as Ical.Net compares them, which
                // reads a floating time as UTC while the owner may be 14 hours away: two days of margin.
                var stopAfter = to + NodaTime.Duration.FromDays(2);
                foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(null, new EvaluationOptions { MaxUnmatchedIncrementsLimit = limits.MaxUnmatchedIncrements }))
                {
                    if (clock.Elapsed > limits.MaxTime)
                        throw new FormatException($"The feed takes more than {limits.MaxTime.TotalSeconds:0} s to expand; its recurrences are too dense.");
                    var start = ToInstant(occurrence.Period.StartTime, zones.Owner);
                    if (start >= stopAfter)
                        break;
                    if (occurrence.Source is not CalendarEvent e || !IsBusy(e))
                        continue;
                    var end = occurrence.Period.EffectiveEndTime is { } effectiveEnd ? ToInstant(effectiveEnd, zones.Owner) : start;
                    if (start < to && from < end)
                    {
                        if (spans.Count == limits.MaxSpans)
                            throw new FormatException($"The feed has more than {limits.MaxSpans} busy times between {windowStart:yyyy-MM-dd} and {windowEnd:yyyy-MM-dd}.");
                        spans.Add(new BusySpan(start.ToDateTimeOffset(), end.ToDateTimeOffset()));
                    }
                }
                var warnings = zones.Unknown.Select(id => $"Unknown time zone \"{id}\": its times were read in {zones.Owner.Id}.").ToList();
                return new BusyTimes(spans.OrderBy(s => s.Start).ThenBy(s => s.End).ToList(), warnings);
            }
        }
        catch (EvaluationLimitExceededException)
        {
            throw new FormatException($"A recurrence cannot be expanded: a rule finds no occurrence in {limits.MaxUnmatchedIncrements} steps.");
        }
        catch (EvaluationException ex)
        {
            throw new FormatException($"A recurrence cannot be expanded: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException or ArithmeticException)
        {
            throw new FormatException($"The feed cannot be read: {ex.Message}", ex);
        }
    }

    private static Calendar Load(string ics)
    {
        try
        {
            return Calendar.Load(ics) ?? throw new FormatException("No VCALENDAR in the feed.");
        }
        catch (Exception ex) when (ex is SerializationException or ArgumentException or OverflowException)
        {
            throw new FormatException($"The feed is not iCalendar: {ex.Message}", ex);
        }
    }

    /// <summary>Ical.Net drops a DTSTART it cannot read; a feed whose times cannot be read is broken, not empty.</summary>
    private static void CheckStarts(Calendar calendar)
    {
        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null && e.Properties.ContainsKey("DTSTART"))
                throw new FormatException($"The event {e.Uid} has a DTSTART that cannot be read as a date.");
        }
    }

    /// <summary>
    /// An upper estimate of the steps Ical.Net takes from each DTSTART to the window's end, for the rules where it
    /// can be large: below a day, or counted (Ical.Net jumps over the past of the others).
    /// </summary>
    private static void CheckSteps(Calendar calendar, DateTimeZone owner, Instant to, long maxSteps)
    {
        var total = 0.0;
        foreach (var e in calendar.Events.Where(e => e.DtStart is not null))
        {
            var start = ToInstant(e.DtStart!, owner);
            // Ical.Net still expands every RRULE and EXRULE a feed holds, though it marks the lists obsolete.
#pragma warning disable CS0618
            var rules = e.RecurrenceRules.Cast<RecurrenceRule>().Concat(e.ExceptionRules).Append(e.RecurrenceRule).OfType<RecurrenceRule>().Distinct().ToList();
#pragma warning restore CS0618
            foreach (var rule in rules)
            {
                var jumpsToWindow = rule.Frequency >= FrequencyType.Daily && rule.Count is null;
                if (jumpsToWindow)
                    continue;
                var end = rule.Until is { } until && ToInstant(until, owner) < to ? ToInstant(until, owner) : to;
                var days = Math.Max(0, (end - start).TotalDays) + 1;
                var interval = Math.Max(1, rule.Interval);
                static int N(List<int> by) => Math.Max(1, by.Count);
                var perDay = rule.Frequency switch
                {
                    FrequencyType.Secondly => 86_400.0 / interval,
                    FrequencyType.Minutely => 1_440.0 / interval * N(rule.BySecond),
                    FrequencyType.Hourly => 24.0 / interval * N(rule.ByMinute) * N(rule.BySecond),
                    _ => (double)N(rule.ByHour) * N(rule.ByMinute) * N(rule.BySecond),
                };
                var filtered = rule.ByMonth.Count + rule.ByDay.Count + rule.ByMonthDay.Count + rule.ByYearDay.Count + rule.ByWeekNo.Count
                               + rule.ByHour.Count + rule.ByMinute.Count + rule.BySecond.Count + rule.BySetPosition.Count > 0;
                var steps = days * perDay;
                // A counted rule without filters stops after COUNT steps.
                if (rule.Count is { } count && !filtered)
                    steps = Math.Min(steps, count);
                total += steps;
                if (total > maxSteps)
                    throw new FormatException($"The event {e.Uid} recurs too densely to expand (FREQ={rule.Frequency.ToString().ToUpperInvariant()} from {e.DtStart}): more than {maxSteps} steps.");
            }
        }
    }

    private static bool IsBusy(CalendarEvent e) =>
        !string.Equals(e.Transparency?.Trim(), "TRANSPARENT", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(e.Status?.Trim(), "CANCELLED", StringComparison.OrdinalIgnoreCase);

    /// <summary>A floating time or an all-day date is read in the owner's zone; a time skipped by a change of offset is the instant after it (RFC 5545 §3.3.5).</summary>
    private static Instant ToInstant(CalDateTime time, DateTimeZone owner) =>
        time.IsFloating
            ? LocalDateTime.FromDateTime(time.Value).InZoneLeniently(owner).ToInstant()
            : Instant.FromDateTimeUtc(DateTime.SpecifyKind(time.AsUtc, DateTimeKind.Utc));
}
