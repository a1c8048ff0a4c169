using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>A rule's numeric setting read from validate, as core reads it.</summary>
internal static class Setting
{
    public static double? Of(RuleContext c, string name, bool integer) =>
        // A setting present as JSON null compares as 0 in JS, as core compares it.
        c.Component.Validate is { } v && v.ContainsKey(name) ? Js.Setting(v[name], integer) ?? 0 : null;

    public static bool Has(RuleContext c, string name) => c.Component.Validate?.ContainsKey(name) == true;

    public static bool Usable(double? d) => d is { } x && x != 0 && !double.IsNaN(x);

    public static string Text(double d) => Js.NumberToString(d);
}
