using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Engine.Timing;

/// <summary>
/// ISO 8601 dates, durations (PnYnMnWnDTnHnMnS) and repeating intervals (R[n]/[start/]duration),
/// the three forms BPMN timers use.
/// </summary>
public static partial class Iso8601
{
    [GeneratedRegex(@"^P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)?(?:Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^R(\d*)/(.+)$")]
    private static partial Regex CyclePattern();

    public static bool TryParseDate(string text, out DateTimeOffset date)
    {
        date = default;
        return DatePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    public static bool TryParseDuration(string text, out IsoDuration duration)
    {
        duration = default;
        var match = DurationPattern().Match(text);
        if (!match.Success)
            return false;
        try
        {
            int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = match.Groups[7].Success
                ? double.Parse(match.Groups[7].Value.Replace(',', '.'), CultureInfo.InvariantCulture)
                : 0;
            var time = TimeSpan.FromDays(Part(3) * 7 + Part(4)) + TimeSpan.FromHours(Part(5))
                + TimeSpan.FromMinutes(Part(6)) + TimeSpan.FromSeconds(seconds);
            duration = new IsoDuration(Part(1), Part(2), time);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool TryParseCycle(string text, out IsoCycle cycle)
    {
        cycle = default;
        var match = CyclePattern().Match(text);
        if (!match.Success)
            return false;
        int? repetitions = null;
        if (match.Groups[1].Value.Length > 0)
        {
            if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                return false;
            repetitions = count;
        }
        var parts = match.Groups[2].Value.Split('/');
        DateTimeOffset? start = null;
        if (parts.Length == 2)
        {
            if (!TryParseDate(parts[0], out var startDate))
                return false;
            start = startDate;
        }
        else if (parts.Length != 1)
        {
            return false;
        }
        if (!TryParseDuration(parts[^1], out var interval) || interval.IsZero)
            return false;
        cycle = new IsoCycle(repetitions, start, interval);
        return true;
    }
}

public readonly record struct IsoDuration(int Years, int Months, TimeSpan Time)
{
    public bool IsZero => Years == 0 && Months == 0 && Time == TimeSpan.Zero;

    public DateTimeOffset AddTo(DateTimeOffset date) => date.AddYears(Years).AddMonths(Months).Add(Time);
}

/// <summary>Repetitions null means "repeat forever".</summary>
public readonly record struct IsoCycle(int? Repetitions, DateTimeOffset? Start, IsoDuration Interval);
