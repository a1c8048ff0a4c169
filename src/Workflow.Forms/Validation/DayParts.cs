using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// core's normalisation of a day value that is not MM/DD/YYYY (or DD/MM/YYYY): the parts are
/// taken in the order the component shows them, hidden parts filled from the default value,
/// and joined again with '/'. A missing part is joined as an empty one, as JS joins undefined.
/// </summary>
internal static class DayParts
{
    public static string Normalize(FormComponent c, string value)
    {
        var fields = c.Json["fields"];
        bool Shown(string part) => !Js.IsTruthy(fields?[part]?["hide"]);
        bool showDay = Shown("day"), showMonth = Shown("month"), showYear = Shown("year");
        var componentDayFirst = Js.IsTruthy(c.Json["dayFirst"]);
        // useLocaleSettings follows form.options.language, English (month first) unless the form says otherwise.
        var dayFirst = Js.IsTruthy(c.Json["useLocaleSettings"]) ? false : componentDayFirst;
        var valueParts = new Queue<string>(value.Split('/'));
        var dateParts = new List<string?>();
        var (defaultDay, defaultMonth, defaultYear) = Defaults(c, componentDayFirst, showDay, showMonth, showYear);

        void NextPart(bool take, string? fallback)
        {
            var part = take ? (valueParts.TryDequeue(out var p) ? p : null) : fallback;
            if (part != "") dateParts.Add(part);
        }

        if (dayFirst) NextPart(showDay, defaultDay);
        NextPart(showMonth, defaultMonth);
        if (!dayFirst) NextPart(showDay, defaultDay);
        NextPart(showYear, defaultYear);
        return string.Join('/', dateParts.Select(p => p ?? ""));
    }

    private static (string? Day, string? Month, string? Year) Defaults(FormComponent c, bool dayFirst, bool showDay, bool showMonth, bool showYear)
    {
        if (Js.AsString(c.Json["defaultValue"]) is not { Length: > 0 } text) return ("", "", "");
        var parts = text.Split('/');
        string? At(int? i) => i is { } k && k >= 0 && k < parts.Length ? parts[k] : i is null ? "" : null;
        int? day = dayFirst ? 0 : 1, month = dayFirst ? 1 : 0, year = 2;
        if (parts.Length == 3) return (At(day), At(month), At(year));
        if (!showDay) { month = month == 0 ? 0 : month - 1; year -= 1; day = null; }
        if (!showMonth)
        {
            if (day is not null) day = day == 0 ? 0 : day - 1;
            year -= 1;
            month = null;
        }
        if (!showYear) year = null;
        return (At(day), At(month), At(year));
    }
}
