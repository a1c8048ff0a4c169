using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// Dates as dayjs reads them for core's date bounds: dayjs(text) (an ISO-like text without
/// zone is local time, anything else goes to new Date), dayjs(text, 'MM-DD-YYYY') with the
/// customParseFormat plugin (lenient), and getDateSetting for a bound. A date is local time as
/// a DateTime; JS's new Date(y, m, d) rolls over out-of-range months and days, so does this.
/// </summary>
internal static partial class DayjsDate
{
    public static DateTime? Parse(string text)
    {
        var m = IsoLike().Match(text);
        if (m.Success && !text.EndsWith('Z') && !text.EndsWith('z'))
        {
            int Part(int g, int fallback) => m.Groups[g].Value is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var ms = m.Groups[7].Value is { Length: > 0 } f ? int.Parse(f.Length > 3 ? f[..3] : f, CultureInfo.InvariantCulture) : 0;
            return Local(Part(1, 0), Part(2, 1) - 1, Part(3, 1), Part(4, 0), Part(5, 0), Part(6, 0), ms);
        }
        if (!JsDate.CanParse(text)) return null;
        var iso = IsoZoned().Match(text);
        if (iso.Success)
        {
            // V8 rolls a day up to 31 over into the next month (2024-02-30 is 1 March).
            int Part(int g) => iso.Groups[g].Value is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : 0;
            var zone = iso.Groups[8].Value;
            var offset = zone is "Z" or "z" ? TimeSpan.Zero : TimeSpan.ParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (zone[0] == '-' ? -1 : 1);
            try
            {
                var utc = new DateTime(Part(1), Part(2), 1, 0, 0, 0, DateTimeKind.Utc).AddDays(Part(3) - 1)
                    .AddHours(Part(4)).AddMinutes(Part(5)).AddSeconds(Part(6)).AddMilliseconds(Part(7)) - offset;
                return utc.ToLocalTime();
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed)
            ? parsed.LocalDateTime
            : null;
    }

    /// <summary>
    /// dayjs(text, format) for core's day formats (MM-DD-YYYY, DD-MM-YYYY): each token's expression
    /// is searched in what is left, a literal only skips its length, and a found value is cut out
    /// of the input wherever it first occurs, as the plugin does.
    /// </summary>
    public static DateTime? ParseDay(string text, bool dayFirst, DateTime now)
    {
        string[] tokens = dayFirst ? ["DD", "-", "MM", "-", "YYYY"] : ["MM", "-", "DD", "-", "YYYY"];
        // DD and MM want two digits, found anywhere in what is left.
        int day = 0, month = 0, year = 0, start = 0;
        var input = text;
        foreach (var token in tokens)
        {
            if (token == "-")
            {
                start += 1;
                continue;
            }
            var part = start <= input.Length ? input[start..] : "";
            var found = (token == "YYYY" ? FourDigits() : TwoDigits()).Match(part);
            if (!found.Success) return null;
            var number = int.Parse(found.Value, CultureInfo.InvariantCulture);
            _ = token switch { "DD" => day = number, "MM" => month = number, _ => year = number };
            var at = input.IndexOf(found.Value, StringComparison.Ordinal);
            input = input.Remove(at, found.Value.Length);
        }
        // parseFormattedInput fills parts of 0 from today (now, local time).
        var d = day != 0 ? day : year == 0 && month == 0 ? now.Day : 1;
        var m = year != 0 && month == 0 ? 0 : month > 0 ? month - 1 : now.Month - 1;
        return Local(year != 0 ? year : now.Year, m, d, 0, 0, 0, 0);
    }

    /// <summary>core's getDateSetting: a bound as a date, or null when there is none or it is not a date.</summary>
    public static DateTime? Setting(JsonNode? setting)
    {
        if (Js.IsNumber(setting)) return DateTimeOffset.FromUnixTimeMilliseconds((long)setting!.GetValue<double>()).LocalDateTime;
        // A moment(...) expression would be evaluated by core; it is not here.
        if (Js.AsString(setting) is not { Length: > 0 } text || text.Contains("moment(", StringComparison.Ordinal)) return null;
        return Parse(text);
    }

    private static DateTime? Local(int year, int month, int day, int hours, int minutes, int seconds, int ms)
    {
        // new Date(y, …) reads a year from 0 to 99 as 1900 to 1999.
        if (year is >= 0 and < 100) year += 1900;
        try
        {
            return new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Local).AddMonths(month).AddDays(day - 1)
                .AddHours(hours).AddMinutes(minutes).AddSeconds(seconds).AddMilliseconds(ms);
        }
        catch (ArgumentOutOfRangeException)
        {
            // JS dates go on past year 9999 (a day rolled over from 12/31/9999): they stay later than any bound.
            return year >= 9999 ? DateTime.MaxValue : null;
        }
    }

    // dayjs's REGEX_PARSE.
    [GeneratedRegex(@"^([0-9]{4})[-/]?([0-9]{1,2})?[-/]?([0-9]{0,2})[Tt\s]*([0-9]{1,2})?:?([0-9]{1,2})?:?([0-9]{1,2})?[.:]?([0-9]+)?$")]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"[0-9]{4}")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"[0-9][0-9]")]
    private static partial Regex TwoDigits();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3})[0-9]*)?)?(Z|z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoZoned();
}
