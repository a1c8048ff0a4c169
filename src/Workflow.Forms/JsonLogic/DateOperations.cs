using System.Globalization;

namespace Workflow.Forms.JsonLogic;

/// <summary>
/// The date operations core adds to JSON Logic (dayjs(...).toISOString()): getDate, relativeMinDate and
/// relativeMaxDate (today minus or plus a number of days). An invalid date makes dayjs throw, which core
/// turns into a null result.
/// </summary>
internal static class DateOperations
{
    public static string GetDate(object? date, bool given, TimeProvider clock)
    {
        if (!given) return Iso(clock.GetUtcNow());
        return date switch
        {
            double ms when !double.IsNaN(ms) && Math.Abs(ms) <= 8.64e15 => Iso(DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Truncate(ms))),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => Iso(parsed),
            _ => throw new JsonLogicException("Invalid time value"),
        };
    }

    public static string Relative(double days, TimeProvider clock)
    {
        if (double.IsNaN(days) || double.IsInfinity(days)) throw new JsonLogicException("Invalid time value");
        // dayjs rounds the number of days as Math.round does.
        return Iso(clock.GetUtcNow().AddDays(Math.Floor(days + 0.5)));
    }

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
