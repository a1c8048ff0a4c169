using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// A day component whose fields.day, fields.month or fields.year is required (validateRequiredDay):
/// an empty value fails, and so does a value whose required part is missing or 0, the parts read
/// in the component's order with hidden parts left out as core's day rule reads them. The rule
/// runs whether or not the component itself is required.
/// </summary>
internal sealed class RequiredDayRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        c.Component.Type == "day" && (Required(c, "day") || Required(c, "month") || Required(c, "year"));

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        if (!Js.IsTruthy(c.Value)) return new RuleFailure("requiredDayEmpty", "day");
        // core throws on a value that is not a string, which its validator drops.
        if (Js.AsString(c.Value) is not { } text) return null;
        var fields = c.Component.Json["fields"] as JsonObject;
        var dayFirst = Js.IsTruthy(c.Component.Json["dayFirst"]);
        int d = dayFirst ? 0 : 1, m = dayFirst ? 1 : 0, y = 2;
        var values = text.Split('/').Select(Js.ParseInt).ToArray();
        double At(int i) => i >= 0 && i < values.Length ? values[i] : double.NaN;
        double day = At(d), month = At(m), year = At(y);
        if (values.Length != 3)
        {
            bool Hidden(string f) => Js.IsTruthy(fields?[f]?["hide"]);
            if (Hidden("day")) { m = m == 0 ? 0 : m - 1; y -= 1; day = 0; month = At(m); year = At(y); }
            if (Hidden("month")) { d = d == 0 ? 0 : d - 1; y -= 1; day = Hidden("day") && day == 0 ? 0 : At(d); month = 0; year = At(y); }
            if (Hidden("year")) { day = Hidden("day") && day == 0 ? 0 : At(d); month = Hidden("month") && month == 0 ? 0 : At(m); year = 0; }
        }
        static bool Missing(double part) => double.IsNaN(part) || part == 0;
        if (Missing(day) && Required(c, "day")) return new RuleFailure("requiredDayField", "day");
        if (Missing(month) && Required(c, "month")) return new RuleFailure("requiredMonthField", "day");
        if (Missing(year) && Required(c, "year")) return new RuleFailure("requiredYearField", "day");
        return null;
    }

    private static bool Required(RuleContext c, string part) => Js.IsTruthy(c.Component.Json["fields"]?[part]?["required"]);
}
