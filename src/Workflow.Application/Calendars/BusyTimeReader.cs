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
/// Bounds that keep a hostile or broken feed from taking the server's memory or time: Ical.Net expands
/// recurrences lazily but always from DTSTART, so the work is counted as it is handed over.
/// </summary>
public sealed record BusyTimeLimits(int MaxSpans, TimeSpan MaxTime, int MaxUnmatchedIncrements)
{
    /// <summary>10,000 spans in the half-year window is 50 a day; 5 s is a thousand times what a real feed takes.</summary>
    public static readonly BusyTimeLimits Default = new(10_000, TimeSpan.FromSeconds(5), 10_000);
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
                var spans = new List<BusySpan>();
                // The merged stream comes in the order of starts as Ical.Net compares them, which may read a floating
                // time in another zone than the owner's: two days of margin cover any two offsets.
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
            throw new FormatException($"A recurrence rule finds no occurrence in {limits.MaxUnmatchedIncrements} steps.");
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
                throw new FormatException($"The event {e.Uid} has a DTSTART that is not a date: \"{e.Properties["DTSTART"]?.Value}\".");
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
