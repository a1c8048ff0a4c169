using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

internal sealed class MinRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "min") && !double.IsNaN(Js.ParseFloat(c.Value)) && Setting.Of(c, "min", false) is { } m && !double.IsNaN(m);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var min = Setting.Of(c, "min", false)!.Value;
        var value = Js.IsString(c.Value) ? Js.ParseFloat(c.Value) : Js.ToNumber(c.Value);
        // core throws a ProcessorError on NaN here, which its validator logs and drops.
        if (double.IsNaN(value)) return null;
        return value >= min ? null : new("min", "min", Setting.Text(min));
    }
}

internal sealed class MaxRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "max") && !(c.Value is not null && Js.IsNull(c.Value)) && Setting.Of(c, "max", false) is { } m && !double.IsNaN(m);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var max = Setting.Of(c, "max", false)!.Value;
        var value = Js.IsString(c.Value) ? Js.ParseFloat(c.Value) : Js.ToNumber(c.Value);
        if (double.IsNaN(value)) return null;
        return value <= max ? null : new("max", "max", Setting.Text(max));
    }
}

internal sealed class NumberRule : IRule
{
    public bool ShouldProcess(RuleContext c) => Js.IsTruthy(c.Value) && c.Component.Type == "number"
        && !(c.Component.Multiple && c.Value is System.Text.Json.Nodes.JsonArray { Count: 0 });

    // Unlike the other rules, core's number check does not ask shouldValidate again, so an empty array item fails.
    public RuleFailure? Process(RuleContext c) =>
        Js.IsTruthy(c.Value) && !Js.IsNumber(c.Value) ? new("number", "number") : null;
}
