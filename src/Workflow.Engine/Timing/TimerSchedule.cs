using Workflow.Engine.Expressions;
using Workflow.Engine.Model;

namespace Workflow.Engine.Timing;

public static class TimerSchedule
{
    /// <summary>Why the timer text is not valid; an '=' expression is only checked for syntax, its value is checked when it runs.</summary>
    public static string? Check(TimerSpec timer) => timer.Kind switch
    {
        _ when ValueOrExpression.IsExpression(timer.Value) =>
            ExpressionSyntax.Check(ValueOrExpression.ExpressionOf(timer.Value)) is { } problem ? $"timer expression: {problem}" : null,
        TimerKind.Date when !Iso8601.TryParseDate(timer.Value, out _) =>
            $"timer date '{timer.Value}' is not an ISO 8601 date",
        TimerKind.Duration when !Iso8601.TryParseDuration(timer.Value, out _) =>
            $"timer duration '{timer.Value}' is not an ISO 8601 duration",
        TimerKind.Cycle when !Iso8601.TryParseCycle(timer.Value, out _) =>
            $"timer cycle '{timer.Value}' is not an ISO 8601 repeating interval (R[n]/[start/]duration)",
        _ => null,
    };

    /// <summary>When a timer started at <paramref name="now"/> is first due, or null if it never will be.</summary>
    public static DateTimeOffset? FirstDue(TimerSpec timer, DateTimeOffset now)
    {
        switch (timer.Kind)
        {
            case TimerKind.Date when Iso8601.TryParseDate(timer.Value, out var date):
                return date;
            case TimerKind.Duration when Iso8601.TryParseDuration(timer.Value, out var duration):
                return duration.AddTo(now);
            case TimerKind.Cycle when Iso8601.TryParseCycle(timer.Value, out var cycle):
                if (cycle.Repetitions == 0)
                    return null;
                return cycle.Start is { } start ? NextOccurrence(cycle, start, now) : cycle.Interval.AddTo(now);
            default:
                return null;
        }
    }

    /// <summary>A cycle anchored in the past fires next at its first occurrence after now, as a calendar would.</summary>
    private static DateTimeOffset? NextOccurrence(IsoCycle cycle, DateTimeOffset start, DateTimeOffset now)
    {
        var due = start;
        for (var occurrence = 0; occurrence < 100_000; occurrence++)
        {
            if (cycle.Repetitions is { } limit && occurrence >= limit)
                return null;
            if (due > now)
                return due;
            due = cycle.Interval.AddTo(due);
        }
        return null;
    }

    /// <summary>How many more times a cycle fires after the first one; null for unbounded cycles, 0 for other timers.</summary>
    public static int? RepetitionsAfterFirst(TimerSpec timer) =>
        timer.Kind == TimerKind.Cycle && Iso8601.TryParseCycle(timer.Value, out var cycle)
            ? cycle.Repetitions is { } n ? Math.Max(0, n - 1) : null
            : 0;

    public static DateTimeOffset? NextCycleDue(TimerSpec timer, DateTimeOffset previousDue) =>
        timer.Kind == TimerKind.Cycle && Iso8601.TryParseCycle(timer.Value, out var cycle)
            ? cycle.Interval.AddTo(previousDue)
            : null;
}
