using System.Globalization;

namespace Workflow.Application.Calendars;

public enum Frequency { Daily, Weekly, Monthly, Yearly }

/// <summary>
/// The RRULE subset that calendars publish for meetings: FREQ (DAILY…YEARLY), INTERVAL, COUNT,
/// UNTIL, BYDAY (with ordinals such as 1MO or -1FR for monthly and yearly rules), BYMONTHDAY and
/// BYMONTH. Occurrences are computed in local time, so 09:00 stays 09:00 across DST changes.
/// </summary>
public sealed record RecurrenceRule(Frequency Freq, int Interval, int? Count, ICalDateTime? Until,
    IReadOnlyList<(int Ordinal, DayOfWeek Day)> ByDay, IReadOnlyList<int> ByMonthDay, IReadOnlyList<int> ByMonth)
{
    private const int MaxIterations = 50_000;

    public static RecurrenceRule Parse(string value, Func<string, ICalDateTime> parseUntil)
    {
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant());
        if (!parts.TryGetValue("FREQ", out var freq))
            throw new FormatException("RRULE without FREQ.");
        var frequency = freq switch
        {
            "DAILY" => Frequency.Daily, "WEEKLY" => Frequency.Weekly, "MONTHLY" => Frequency.Monthly, "YEARLY" => Frequency.Yearly,
            _ => throw new FormatException($"RRULE FREQ={freq} is not supported."),
        };
        var interval = parts.TryGetValue("INTERVAL", out var i) ? Math.Max(1, int.Parse(i, CultureInfo.InvariantCulture)) : 1;
        int? count = parts.TryGetValue("COUNT", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : null;
        ICalDateTime? until = parts.TryGetValue("UNTIL", out var u) ? parseUntil(u) : null;
        var byDay = parts.TryGetValue("BYDAY", out var d) ? d.Split(',').Select(ParseDay).ToList() : [];
        var byMonthDay = parts.TryGetValue("BYMONTHDAY", out var md) ? md.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList() : [];
        var byMonth = parts.TryGetValue("BYMONTH", out var m) ? m.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList() : [];
        return new RecurrenceRule(frequency, interval, count, until, byDay, byMonthDay, byMonth);
    }

    /// <summary>Local start times of the occurrences, DTSTART first, until <paramref name="stopAfterLocal"/> or the rule's own end.</summary>
    public IEnumerable<DateTime> Occurrences(DateTime start, DateTime stopAfterLocal, Func<DateTime, DateTimeOffset> toUtc)
    {
        var produced = 0;
        var untilUtc = Until?.ToUtc();
        var time = start.TimeOfDay;
        for (var period = 0; period < MaxIterations; period++)
        {
            var candidates = Period(start, period).Where(day => day.Date >= start.Date).Select(day => day.Date + time).Where(t => t >= start).Order().ToList();
            if (candidates.Count == 0 && PeriodStart(start, period) > stopAfterLocal)
                yield break;
            foreach (var occurrence in candidates)
            {
                if (occurrence > stopAfterLocal || (untilUtc is { } limit && toUtc(occurrence) > limit) || (Count is { } n && produced >= n))
                    yield break;
                produced++;
                yield return occurrence;
            }
        }
    }

    private DateTime PeriodStart(DateTime start, int k) => Freq switch
    {
        Frequency.Daily => start.Date.AddDays((double)k * Interval),
        Frequency.Weekly => WeekStart(start).AddDays(7.0 * k * Interval),
        Frequency.Monthly => new DateTime(start.Year, start.Month, 1).AddMonths(k * Interval),
        _ => new DateTime(start.Year, 1, 1).AddYears(k * Interval),
    };

    private IEnumerable<DateTime> Period(DateTime start, int k)
    {
        var from = PeriodStart(start, k);
        return Freq switch
        {
            Frequency.Daily => Filter([from]),
            Frequency.Weekly => ByDay.Count == 0 ? [from.AddDays(((int)start.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7)]
                : Enumerable.Range(0, 7).Select(i => from.AddDays(i)).Where(x => ByDay.Any(b => b.Day == x.DayOfWeek)),
            Frequency.Monthly => MonthDays(from, start),
            _ => (ByMonth.Count == 0 ? [start.Month] : ByMonth).Order().SelectMany(m => MonthDays(new DateTime(from.Year, m, 1), start)),
        };
    }

    private IEnumerable<DateTime> Filter(IEnumerable<DateTime> days) => days.Where(x =>
        (ByDay.Count == 0 || ByDay.Any(b => b.Day == x.DayOfWeek)) &&
        (ByMonthDay.Count == 0 || ByMonthDay.Any(md => md == x.Day || md == x.Day - DateTime.DaysInMonth(x.Year, x.Month) - 1)) &&
        (ByMonth.Count == 0 || ByMonth.Contains(x.Month)));

    private IEnumerable<DateTime> MonthDays(DateTime month, DateTime start)
    {
        if (ByMonth.Count > 0 && !ByMonth.Contains(month.Month))
            return [];
        var length = DateTime.DaysInMonth(month.Year, month.Month);
        var all = Enumerable.Range(0, length).Select(i => month.AddDays(i)).ToList();
        if (ByMonthDay.Count > 0)
            return all.Where(x => ByMonthDay.Any(md => md == x.Day || md == x.Day - length - 1) && (ByDay.Count == 0 || ByDay.Any(b => b.Day == x.DayOfWeek)));
        if (ByDay.Count > 0)
            return ByDay.SelectMany(b =>
            {
                var matching = all.Where(x => x.DayOfWeek == b.Day).ToList();
                if (b.Ordinal == 0) return matching;
                var index = b.Ordinal > 0 ? b.Ordinal - 1 : matching.Count + b.Ordinal;
                return index >= 0 && index < matching.Count ? [matching[index]] : Enumerable.Empty<DateTime>();
            });
        return start.Day <= length ? [month.AddDays(start.Day - 1)] : [];
    }

    private static DateTime WeekStart(DateTime d) => d.Date.AddDays(-(((int)d.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));

    private static (int, DayOfWeek) ParseDay(string token)
    {
        var day = token[^2..] switch
        {
            "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday,
            "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, "SU" => DayOfWeek.Sunday,
            _ => throw new FormatException($"BYDAY={token} is not a day."),
        };
        var ordinal = token.Length > 2 ? int.Parse(token[..^2], CultureInfo.InvariantCulture) : 0;
        return (ordinal, day);
    }
}
