using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

internal static class Formats
{
    // The expressions are core's own (validateEmail.js, validateUrl.js), compiled to match as in JS.
    public static Regex Email { get; } = JsRegex.Create("""^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$""");

    public static Regex Url { get; } = JsRegex.Create("""^(?:(?:(?:https?|ftp):)?\/\/)?(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)(?:\.(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)*(?:\.(?:[a-z\u00a1-\uffff]{2,})))(?::\d{2,5})?(?:[/?#]\S*)?$""", RegexOptions.IgnoreCase);

    public static Regex UrlNoTld { get; } = JsRegex.Create("""^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)(?:\.(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)*(?:\.(?:[a-z\u00a1-\uffff]{2,}))?)(?::\d{2,5})?(?:[/?#]\S*)?$""", RegexOptions.IgnoreCase);
}

internal sealed class EmailRule : IRule
{
    public bool ShouldProcess(RuleContext c) => Js.IsTruthy(c.Value) && c.Component.Type == "email";

    public RuleFailure? Process(RuleContext c) =>
        ShouldProcess(c) && Js.AsString(c.Value) is { } s && !Formats.Email.IsMatch(s) ? new("invalid_email", "email") : null;
}

internal sealed class UrlRule : IRule
{
    public bool ShouldProcess(RuleContext c) => c.Component.Type == "url" && Js.IsTruthy(c.Value)
        && !(c.Component.Multiple && c.Value is JsonArray { Count: 0 });

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        if (Js.AsString(c.Value) is not { } s) return new("invalid_url", "url");
        var ok = (Formats.Url.IsMatch(s) || Formats.UrlNoTld.IsMatch(s)) && !Formats.Email.IsMatch(s);
        return ok ? null : new("invalid_url", "url");
    }
}

internal sealed class DayRule : IRule
{
    public bool ShouldProcess(RuleContext c) => Js.IsTruthy(c.Value) && c.Component.Type == "day";

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var error = new RuleFailure("invalidDay", "day");
        if (Js.AsString(c.Value) is not { } s) return error;
        var dayFirst = Js.IsTruthy(c.Component.Json["dayFirst"]);
        int d = dayFirst ? 0 : 1, m = dayFirst ? 1 : 0, y = 2;
        var parts = s.Split('/').Select(Js.ParseInt).ToArray();
        double At(int i) => i >= 0 && i < parts.Length ? parts[i] : double.NaN;
        double day = At(d), month = At(m), year = At(y);
        if (parts.Length != 3)
        {
            var fields = c.Component.Json["fields"];
            // core reads fields.day.hide without a guard: a day component without fields throws there, and the error is dropped.
            if (fields is not JsonObject) return null;
            bool Hidden(string f) => Js.IsTruthy(fields[f]?["hide"]);
            if (fields["day"] is null || fields["month"] is null || fields["year"] is null) return null;
            if (Hidden("day")) { m = m == 0 ? 0 : m - 1; y -= 1; day = 0; month = At(m); year = At(y); }
            if (Hidden("month")) { d = d == 0 ? 0 : d - 1; y -= 1; day = Hidden("day") && day == 0 ? 0 : At(d); month = 0; year = At(y); }
            if (Hidden("year")) { day = Hidden("day") && day == 0 ? 0 : At(d); month = Hidden("month") && month == 0 ? 0 : At(m); year = 0; }
        }
        var maxDay = DaysIn(month, year);
        if (double.IsNaN(day) || day < 0 || day > maxDay) return error;
        if (double.IsNaN(month) || month < 0 || month > 12) return error;
        if (double.IsNaN(year) || year < 0 || year > 9999) return error;
        return null;
    }

    private static int DaysIn(double month, double year) => month switch
    {
        4 or 6 or 9 or 11 => 30,
        2 => IsLeap(year) ? 29 : 28,
        _ => 31,
    };

    private static bool IsLeap(double year) => year % 400 == 0 || (year % 100 != 0 && year % 4 == 0);
}

internal sealed class DateRule : IRule
{
    public bool ShouldProcess(RuleContext c) => Js.IsTruthy(c.Value) && c.Component.Type == "datetime"
        && !(c.Component.Multiple && c.Value is JsonArray { Count: 0 });

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var error = new RuleFailure("invalidDate", "date");
        if (Js.AsString(c.Value) is not { } s) return error;
        if (s.Equals("invalid date", StringComparison.OrdinalIgnoreCase)) return error;
        return JsDate.CanParse(s) ? null : error;
    }
}
