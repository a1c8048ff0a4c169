using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// A text field or phone number with allowMultipleMasks stores {maskName, value}: the value must
/// match the mask whose label is maskName, with core's character matcher (the inputmask library
/// is not used for these, even on a text field). An unknown maskName, or a value that is not such
/// an object with non-empty strings, has no mask to match; with a mask and no value core matches
/// the object itself, which fails.
/// </summary>
internal sealed class MultipleMasksRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        c.Component.Type != "time" && Js.IsTruthy(c.Value) && HasMasks(c.Component)
        && !Js.IsTruthy(c.Component.Validate?["skipMaskValidation"]);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || c.Value is not JsonObject chosen) return null;
        if (Js.AsString(chosen["maskName"]) is not { Length: > 0 } name || Js.AsString(chosen["value"]) is not { Length: > 0 } text) return null;
        var mask = ((JsonArray)c.Component.Json["inputMasks"]!)
            .FirstOrDefault(m => Js.AsString(m?["label"]) == name)?["mask"];
        if (Js.AsString(mask) is not { Length: > 0 } pattern) return null;
        return MaskRule.Matches(JsonValue.Create(text), pattern) ? null : new("mask", "mask");
    }

    public static bool HasMasks(FormComponent c) =>
        Js.IsTruthy(c.Json["allowMultipleMasks"]) && c.Json["inputMasks"] is JsonArray { Count: > 0 };
}
