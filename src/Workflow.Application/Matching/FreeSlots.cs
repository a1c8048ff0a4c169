namespace Workflow.Application.Matching;

public readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(Interval other) => Start < other.End && other.Start < End;

    public TimeSpan Length => End - Start;
}

/// <summary>Something already in the agenda, with the margin to keep free around it (travel).</summary>
public readonly record struct Busy(Interval When, TimeSpan Before, TimeSpan After)
{
    public Interval Blocked => new(When.Start - Before, When.End + After);
}

/// <summary>
/// Where an appointment of a given length fits: inside an availability window, clear of
/// everything busy (widened by its travel margins), starting on a grid (every 15 minutes by
/// default, as planners think), within the period asked. Pure and allocation-light: it runs
/// for thousands of experts per query.
/// </summary>
public static class FreeSlots
{
    public static List<Interval> Find(IEnumerable<Interval> windows, IEnumerable<Busy> busy, Interval period, TimeSpan duration, TimeSpan step, int max)
    {
        var blocked = busy.Select(b => b.Blocked).Where(b => b.End > period.Start && b.Start < period.End).OrderBy(b => b.Start).ToList();
        var slots = new List<Interval>();
        foreach (var window in windows.OrderBy(w => w.Start))
        {
            var from = Max(window.Start, period.Start);
            var to = Min(window.End, period.End);
            var start = AlignUp(from, step);
            var i = 0;
            while (start + duration <= to && slots.Count < max)
            {
                var candidate = new Interval(start, start + duration);
                while (i < blocked.Count && blocked[i].End <= candidate.Start)
                    i++;
                var clash = -1;
                for (var j = i; j < blocked.Count && blocked[j].Start < candidate.End; j++)
                {
                    if (blocked[j].Overlaps(candidate))
                    {
                        clash = j;
                        break;
                    }
                }
                if (clash < 0)
                {
                    slots.Add(candidate);
                    start += duration > step ? AlignUpSpan(duration, step) : step;
                    continue;
                }
                // Jump past the obstacle instead of walking the grid through it.
                start = AlignUp(Max(blocked[clash].End, start + step), step);
            }
            if (slots.Count >= max)
                break;
        }
        return slots;
    }

    private static DateTimeOffset AlignUp(DateTimeOffset t, TimeSpan step)
    {
        var ticks = t.UtcTicks;
        var rem = ticks % step.Ticks;
        return rem == 0 ? t : new DateTimeOffset(ticks - rem + step.Ticks, TimeSpan.Zero);
    }

    private static TimeSpan AlignUpSpan(TimeSpan span, TimeSpan step) => TimeSpan.FromTicks((span.Ticks + step.Ticks - 1) / step.Ticks * step.Ticks);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
