using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.Evaluation;
using NodaTime;
using NodaTime.TimeZones;

namespace Workflow.Application.Calendars;

/// <summary>
/// How the zones a feed names are read, around Ical.Net, which resolves a TZID through one process-wide
/// function and does not read a feed's own VTIMEZONE. While a feed is read (<see cref="Use"/>), its TZIDs
/// resolve in this order: an IANA id; a Windows id (Exchange writes "Romance Standard Time"), both through
/// NodaTime's time-zone database; the feed's own VTIMEZONE (<see cref="VTimeZoneAdapter"/>); Ical.Net's
/// lenient matching of legacy ids ("/mozilla.org/…/Europe/Brussels"); else the owner's zone, and the
/// feed records a warning naming the id.
/// </summary>
public sealed class FeedTimeZones
{
    private static readonly AsyncLocal<FeedTimeZones?> Current = new();

    private static readonly IReadOnlyDictionary<string, string> WindowsToIana =
        TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, DateTimeZone> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VTimeZone> _defined;
    private readonly (Instant From, Instant To) _span;
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);

    static FeedTimeZones()
    {
        // Outside a feed being read (the writer, anything else) Ical.Net resolves as it always does.
        TimeZoneResolvers.TimeZoneResolver = tzId => Current.Value?.Resolve(tzId) ?? TimeZoneResolvers.Default(tzId);
    }

    private FeedTimeZones(Calendar calendar, DateTimeZone owner, Instant from, Instant to)
    {
        Owner = owner;
        _span = (from, to);
        _defined = calendar.TimeZones.Where(z => !string.IsNullOrEmpty(z.TzId)).GroupBy(z => z.TzId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The zone of floating times and all-day dates, and of any TZID nothing else explains.</summary>
    public DateTimeZone Owner { get; }

    /// <summary>TZIDs that were read in the owner's zone because nothing defined them.</summary>
    public IReadOnlyCollection<string> Unknown => _unknown;

    /// <summary>Makes Ical.Net resolve TZIDs through this feed's zones until the returned scope is disposed.</summary>
    public static (FeedTimeZones Zones, IDisposable Scope) Use(Calendar calendar, DateTimeZone owner, Instant from, Instant to)
    {
        var zones = new FeedTimeZones(calendar, owner, from, to);
        var previous = Current.Value;
        Current.Value = zones;
        return (zones, new Restore(previous));
    }

    public static DateTimeZone ToNodaZone(TimeZoneInfo zone) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Id)
        ?? (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null)
        ?? BclDateTimeZone.FromTimeZoneInfo(zone);

    private DateTimeZone Resolve(string tzId)
    {
        if (_resolved.TryGetValue(tzId, out var known))
            return known;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tzId)
                   ?? (WindowsToIana.TryGetValue(tzId, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null)
                   ?? (_defined.TryGetValue(tzId, out var own) ? new VTimeZoneAdapter(own, _span.From, _span.To) : null)
                   ?? DefaultTimeZoneResolver.GetZone(tzId);
        if (zone is null)
        {
            _unknown.Add(tzId);
            zone = Owner;
        }
        _resolved[tzId] = zone;
        return zone;
    }

    private sealed class Restore(FeedTimeZones? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>
/// A zone a feed defines itself in a VTIMEZONE (a custom zone from Outlook), as NodaTime needs it: the onsets of
/// its STANDARD and DAYLIGHT observances are expanded by Ical.Net's own recurrence, within the span the feed is
/// read for plus a year before it, and each switches to its TZOFFSETTO.
/// </summary>
public sealed class VTimeZoneAdapter : DateTimeZone
{
    private const int MaxOnsets = 2000;
    private static readonly EvaluationOptions Bounded = new() { MaxUnmatchedIncrementsLimit = 1000 };

    private readonly Instant[] _starts;
    private readonly Offset[] _offsets;
    private readonly string[] _names;

    public VTimeZoneAdapter(VTimeZone zone, Instant from, Instant to)
        : this(zone.TzId ?? "", Transitions(zone, from - NodaTime.Duration.FromDays(366), to))
    {
    }

    private VTimeZoneAdapter(string id, List<(Instant At, Offset Before, Offset After, string Name)> transitions)
        : base(id, false, transitions.Min(t => Offset.Min(t.Before, t.After)), transitions.Max(t => Offset.Max(t.Before, t.After)))
    {
        // Before the first onset in the span, the offset it switches away from.
        _starts = [Instant.MinValue, .. transitions.Select(t => t.At)];
        _offsets = [transitions[0].Before, .. transitions.Select(t => t.After)];
        _names = [id, .. transitions.Select(t => t.Name)];
    }

    public override ZoneInterval GetZoneInterval(Instant instant)
    {
        var i = Array.BinarySearch(_starts, instant);
        if (i < 0)
            i = ~i - 1;
        var start = i == 0 ? (Instant?)null : _starts[i];
        var end = i + 1 < _starts.Length ? _starts[i + 1] : (Instant?)null;
        return new ZoneInterval(_names[i], start, end, _offsets[i], Offset.Zero);
    }

    private static List<(Instant, Offset, Offset, string)> Transitions(VTimeZone zone, Instant from, Instant to)
    {
        var transitions = new List<(Instant At, Offset Before, Offset After, string Name)>();
        foreach (var observance in zone.TimeZoneInfos)
        {
            if (observance.OffsetFrom is null || observance.OffsetTo is null || observance.DtStart is null)
                throw new FormatException($"The VTIMEZONE {zone.TzId} has an observance without DTSTART, TZOFFSETFROM or TZOFFSETTO.");
            var before = Offset.FromTimeSpan(observance.OffsetFrom.Offset);
            var after = Offset.FromTimeSpan(observance.OffsetTo.Offset);
            var name = observance.TimeZoneName ?? zone.TzId ?? "";
            var latestBefore = ((Instant At, Offset, Offset, string)?)null;
            var onsets = 0;
            // An onset is written in the local time in force before it.
            foreach (var onset in observance.GetOccurrences(null, Bounded))
            {
                if (++onsets > MaxOnsets)
                    throw new FormatException($"The VTIMEZONE {zone.TzId} changes offset more than {MaxOnsets} times.");
                var at = LocalDateTime.FromDateTime(onset.Period.StartTime.Value).InZoneStrictly(DateTimeZone.ForOffset(before)).ToInstant();
                if (at > to)
                    break;
                if (at < from)
                    latestBefore = (at, before, after, name);
                else
                    transitions.Add((at, before, after, name));
            }
            if (latestBefore is { } l)
                transitions.Add(l);
        }
        if (transitions.Count == 0)
            throw new FormatException($"The VTIMEZONE {zone.TzId} has no STANDARD or DAYLIGHT observance.");
        transitions.Sort((a, b) => a.At.CompareTo(b.At));
        return transitions;
    }
}
