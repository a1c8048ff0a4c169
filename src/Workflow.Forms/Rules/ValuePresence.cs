using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>core's componentHasValue: what "required" means for each kind of component.</summary>
public static class ValuePresence
{
    public static bool HasValue(FormComponent component, JsonNode? value)
    {
        // core's filter step makes any value a nested form has into {data: …} before its required
        // rule runs (after its children): only a missing value is no value. The same step writes
        // null for every missing number, creating a missing nested form around its number fields.
        if (component.Model == ModelType.DataObject) return value is not null || HoldsNumber(component);
        if (component.Type == "address" && AddressValue.Manual(component, value) is { } address)
            return AddressValue.IsComplete(address);
        // With several masks the value is {maskName, value}: the mask's name alone is no value.
        if (component.Type is "textfield" or "phoneNumber" && MultipleMasksRule.HasMasks(component) && value is JsonObject masked && masked.ContainsKey("value"))
            return IsPresent(masked["value"], considerFalseTruthy: true, skipObjectValue: false);
        if (component.Type == "day" && Js.AsString(value) == "00/00/0000") return false;
        var nested = component.IsNestedData;
        // Checkboxes and select boxes count false as no value; radio, select and others count it as one.
        if (component.Type is "checkbox" or "selectboxes")
            return IsPresent(value, considerFalseTruthy: false, nested);
        return IsPresent(value, considerFalseTruthy: true, nested && component.Type != "container");
    }

    private static bool HoldsNumber(FormComponent c) => c.Children.Any(child => child.Type == "number" || HoldsNumber(child));

    public static bool IsPresent(JsonNode? value, bool considerFalseTruthy, bool skipObjectValue)
    {
        if (Js.IsNull(value)) return false;
        if (Js.AsString(value) is { } s && Js.IsBlank(s)) return false;
        if (!considerFalseTruthy && value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False) return false;
        if (value is JsonObject { Count: 0 } or JsonArray { Count: 0 }) return false;
        // typeof [] is "object" in JS, so arrays recurse through this branch too.
        if (!skipObjectValue)
        {
            if (value is JsonObject o) return o.Any(kv => IsPresent(kv.Value, considerFalseTruthy, skipObjectValue));
            if (value is JsonArray a) return a.Any(x => IsPresent(x, considerFalseTruthy, skipObjectValue));
        }
        if (value is JsonArray rows) return ArrayHasValue(rows);
        return true;
    }

    private static bool ArrayHasValue(JsonArray rows)
    {
        var present = GridHoles.NullsAreHoles(rows) ? rows.Where(r => r is not null).ToList() : rows.ToList();
        if (present.All(r => r is JsonObject))
            return present.Any(r => ((JsonObject)r!).Any(kv => HasSomething(kv.Value)));
        return present.Any(HasSomething);
    }

    // core's hasValue: numbers (0 too) count, other falsy values and empty objects do not.
    private static bool HasSomething(JsonNode? v) => v switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => Js.IsNumber(v) || Js.IsTruthy(v),
    };
}

internal sealed class RequiredRule : IRule
{
    public bool ShouldProcess(RuleContext c) => c.Component.Required;

    public RuleFailure? Process(RuleContext c) =>
        ShouldProcess(c) && !ValuePresence.HasValue(c.Component, c.Value) ? new("required", "required") : null;
}
