using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// A day component's maxDate (validateMaximumDay): the day, read with MM-DD-YYYY (DD-MM-YYYY when
/// dayFirst), must not be after the bound's day. A partial day (00 in a part) is not bounded.
/// core throws on a value that is not a string, which its validator drops: no error either.
/// </summary>
internal sealed class MaxDayRule : IRule
{
    public bool ShouldProcess(RuleContext c) => DayBound.Applies(c, "maxDate");

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Value) is not { } text) return null;
        var max = DayjsDate.Setting(c.Component.Json["maxDate"])!.Value.Date;
        return DayjsDate.ParseDay(text, Js.IsTruthy(c.Component.Json["dayFirst"]), c.Clock.GetLocalNow().DateTime) is { } day && day <= max
            ? null
            : new("maxDate", "maxDate", max.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A day component's minDate (validateMinimumDay), as its maxDate.</summary>
internal sealed class MinDayRule : IRule
{
    public bool ShouldProcess(RuleContext c) => DayBound.Applies(c, "minDate");

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Value) is not { } text) return null;
        var min = DayjsDate.Setting(c.Component.Json["minDate"])!.Value.Date;
        return DayjsDate.ParseDay(text, Js.IsTruthy(c.Component.Json["dayFirst"]), c.Clock.GetLocalNow().DateTime) is { } day && day >= min
            ? null
            : new("minDate", "minDate", min.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}

internal static class DayBound
{
    public static bool Applies(RuleContext c, string bound) =>
        c.Component.Type == "day" && c.Component.Json.ContainsKey(bound)
        && !IsPartial(c) && DayjsDate.Setting(c.Component.Json[bound]) is not null;

    // core's isPartialDay: no value, or 00 for the day or month, or 0000 for the year.
    private static bool IsPartial(RuleContext c)
    {
        if (!Js.IsTruthy(c.Value)) return true;
        if (Js.AsString(c.Value) is not { } text) return false;
        var parts = text.Split('/');
        var dayFirst = Js.IsTruthy(c.Component.Json["dayFirst"]);
        string? At(int i) => i < parts.Length ? parts[i] : null;
        return At(dayFirst ? 0 : 1) == "00" || At(dayFirst ? 1 : 0) == "00" || At(2) == "0000";
    }
}

/// <summary>
/// A datetime's widget.maxDate (validateMaximumDate): the value read as dayjs reads it must not be
/// after the bound, or after the end of the bound's day when the widget has no time. A value that
/// is not a date fails.
/// </summary>
internal sealed class MaxDateRule : IRule
{
    public bool ShouldProcess(RuleContext c) => DateBound.Of(c, "maxDate") is not null;

    public RuleFailure? Process(RuleContext c)
    {
        if (DateBound.Of(c, "maxDate") is not { } max || Js.AsString(c.Value) is not { } text) return null;
        if (!DateBound.WithTime(c)) max = max.Date.AddDays(1).AddMilliseconds(-1);
        return DayjsDate.Parse(text) is { } date && date <= max ? null : new("maxDate", "maxDate", DateBound.Text(max));
    }
}

/// <summary>A datetime's widget.minDate (validateMinimumDate), from the start of the bound's day when the widget has no time.</summary>
internal sealed class MinDateRule : IRule
{
    public bool ShouldProcess(RuleContext c) => DateBound.Of(c, "minDate") is not null;

    public RuleFailure? Process(RuleContext c)
    {
        if (DateBound.Of(c, "minDate") is not { } min || Js.AsString(c.Value) is not { } text) return null;
        if (!DateBound.WithTime(c)) min = min.Date;
        return DayjsDate.Parse(text) is { } date && date >= min ? null : new("minDate", "minDate", DateBound.Text(min));
    }
}

internal static class DateBound
{
    public static DateTime? Of(RuleContext c, string bound) =>
        c.Component.Type == "datetime" && Js.IsTruthy(c.Value) && c.Component.Json["widget"] is JsonObject widget && widget.ContainsKey(bound)
            ? DayjsDate.Setting(widget[bound])
            : null;

    public static bool WithTime(RuleContext c) => Js.IsTruthy(c.Component.Json["widget"]?["enableTime"]);

    public static string Text(DateTime d) => d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A day component's maxYear, or fields.year.maxYear (validateMaximumYear): the last four digits of
/// the value, when it ends with four, must not be greater. Two different settings make core throw,
/// which its validator drops.
/// </summary>
internal sealed class MaxYearRule : IRule
{
    public bool ShouldProcess(RuleContext c) => YearBound.Applies(c, "maxYear");

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || YearBound.Year(c) is not { } year) return null;
        var own = c.Component.Json["maxYear"];
        var field = c.Component.Json["fields"]?["year"]?["maxYear"];
        if (Js.IsTruthy(own) && Js.IsTruthy(field) && !Js.StrictEquals(own, field)) return null;
        var max = Js.IsTruthy(own) ? own : field;
        if (!Js.IsTruthy(max)) return null;
        return year <= Js.ToNumber(max) ? null : new("maxYear", "maxYear", Js.ToJsString(max));
    }
}

/// <summary>
/// A day component's minYear (validateMinimumYear). core also starts for fields.year.minYear, but
/// then compares with the component's minYear only: fields.year.minYear alone bounds nothing.
/// </summary>
internal sealed class MinYearRule : IRule
{
    public bool ShouldProcess(RuleContext c) => YearBound.Applies(c, "minYear");

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || YearBound.Year(c) is not { } year) return null;
        var own = c.Component.Json["minYear"];
        var field = c.Component.Json["fields"]?["year"]?["minYear"];
        if (Js.IsTruthy(own) && Js.IsTruthy(field) && !Js.StrictEquals(own, field)) return null;
        if (!Js.IsTruthy(own)) return null;
        return year >= Js.ToNumber(own) ? null : new("minYear", "minYear", Js.ToJsString(own));
    }
}

internal static partial class YearBound
{
    public static bool Applies(RuleContext c, string bound) =>
        c.Component.Type == "day"
        && (Js.IsTruthy(c.Component.Json[bound]) || Js.IsTruthy(c.Component.Json["fields"]?["year"]?[bound]));

    /// <summary>The four digits the value ends with (String(value) for a number), or null.</summary>
    public static double? Year(RuleContext c)
    {
        var text = Js.AsString(c.Value) ?? (Js.IsNumber(c.Value) ? Js.ToJsString(c.Value) : null);
        if (text is null) return null;
        var m = LastFour().Match(text);
        return m.Success ? double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9]{4}\z")]
    private static partial System.Text.RegularExpressions.Regex LastFour();
}
