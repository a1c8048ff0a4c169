using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Rules;

/// <summary>
/// Whether V8's new Date(text) would give a valid date. V8 accepts ISO 8601 and a lenient
/// legacy syntax; this accepts ISO 8601 (date, date-time, with or without offset) and the
/// RFC 1123 and US forms that .NET reads the same way. Anything else is taken as invalid.
/// </summary>
internal static partial class JsDate
{
    public static bool CanParse(string text)
    {
        var s = text.Trim();
        var iso = Iso().Match(s);
        if (iso.Success)
        {
            int Part(string g, int fallback) => iso.Groups[g].Success ? int.Parse(iso.Groups[g].Value, CultureInfo.InvariantCulture) : fallback;
            var (y, mo, d) = (Part("y", 1970), Part("mo", 1), Part("d", 1));
            var (h, mi, sec) = (Part("h", 0), Part("mi", 0), Part("s", 0));
            // V8 accepts any day up to 31 in ISO text and rolls it over (2024-02-30 is 1 March).
            if (mo is < 1 or > 12 || d is < 1 or > 31) return false;
            if (h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi > 0 || sec > 0))) return false;
            return true;
        }
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
            && !s.All(char.IsAsciiDigit);
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<mo>[0-9]{2})(-(?<d>[0-9]{2}))?)?(T(?<h>[0-9]{2}):(?<mi>[0-9]{2})(:(?<s>[0-9]{2})(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex Iso();
}
