namespace Workflow.Engine.Timing;

/// <summary>
/// Monday to Friday, without public holidays (they differ per country and year; a host that needs them
/// can offer its own function). A start on a weekend counts from the next Monday.
/// </summary>
public static class WorkingDays
{
    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var date = start;
        while (IsWeekend(date))
            date = date.AddDays(1);
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (!IsWeekend(date))
                left--;
        }
        return date;
    }

    private static bool IsWeekend(DateTimeOffset date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
