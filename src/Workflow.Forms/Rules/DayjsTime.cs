using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Rules;

/// <summary>
/// A time of day read and written with dayjs format tokens (H, HH, h, hh, m, mm, s, ss, A, a,
/// [literal]), as core's normalize reads a time component's value with dayjs(value, format, true):
/// strict parsing is dayjs's parse then a check that formatting gives the input back.
/// </summary>
internal static partial class DayjsTime
{
    public static bool TryParseStrict(string text, string format, out TimeSpan time)
    {
        time = default;
        var tokens = Tokens().Matches(format);
        var pattern = new StringBuilder("^");
        foreach (Match t in tokens)
        {
            pattern.Append(t.Value switch
            {
                "HH" or "H" or "hh" or "h" or "mm" or "m" or "ss" or "s" => "(\\d\\d?)",
                "A" or "a" => "(\\d*[^-_:/,()\\s\\d]+)",
                _ when t.Value.StartsWith('[') => Regex.Escape(t.Value[1..^1]),
                _ => Regex.Escape(t.Value),
            });
        }
        var m = Regex.Match(text, pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
        if (!m.Success) return false;
        int hours = 0, minutes = 0, seconds = 0, group = 1;
        bool? pm = null;
        foreach (Match t in tokens)
        {
            switch (t.Value)
            {
                case "HH" or "H" or "hh" or "h": hours = int.Parse(m.Groups[group++].Value, CultureInfo.InvariantCulture); break;
                case "mm" or "m": minutes = int.Parse(m.Groups[group++].Value, CultureInfo.InvariantCulture); break;
                case "ss" or "s": seconds = int.Parse(m.Groups[group++].Value, CultureInfo.InvariantCulture); break;
                case "A" or "a": pm = m.Groups[group++].Value.Equals("pm", StringComparison.OrdinalIgnoreCase); break;
            }
        }
        if (pm is { } isPm)
            hours = isPm && hours < 12 ? hours + 12 : !isPm && hours == 12 ? 0 : hours;
        // dayjs rolls 25:00 over into the next day; formatting then differs from the input, which strict mode refuses.
        time = new TimeSpan(hours, minutes, seconds);
        return Format(time, format) == text;
    }

    public static string Format(TimeSpan time, string format)
    {
        var (h, m, s) = (time.Hours, time.Minutes, time.Seconds);
        var h12 = h % 12 == 0 ? 12 : h % 12;
        var text = new StringBuilder();
        foreach (Match t in Tokens().Matches(format))
        {
            text.Append(t.Value switch
            {
                "HH" => h.ToString("00", CultureInfo.InvariantCulture),
                "H" => h.ToString(CultureInfo.InvariantCulture),
                "hh" => h12.ToString("00", CultureInfo.InvariantCulture),
                "h" => h12.ToString(CultureInfo.InvariantCulture),
                "mm" => m.ToString("00", CultureInfo.InvariantCulture),
                "m" => m.ToString(CultureInfo.InvariantCulture),
                "ss" => s.ToString("00", CultureInfo.InvariantCulture),
                "s" => s.ToString(CultureInfo.InvariantCulture),
                "A" => h < 12 ? "AM" : "PM",
                "a" => h < 12 ? "am" : "pm",
                _ when t.Value.StartsWith('[') => t.Value[1..^1],
                _ => t.Value,
            });
        }
        return text.ToString();
    }

    // dayjs's own token expression, limited to the tokens of a time of day.
    [GeneratedRegex(@"\[[^\]]*\]|HH?|hh?|mm?|ss?|A|a|.", RegexOptions.Singleline)]
    private static partial Regex Tokens();
}
