using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.JsonLogic;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Conditions;

/// <summary>Where a condition is evaluated: the data, the row and the index of the innermost grid row.</summary>
internal sealed record ConditionScope(JsonObject Data, JsonNode? Row, int? RowIndex, JsonNode? Value, JsonObject? Form = null);

/// <summary>Decides whether a component is conditionally hidden, as core's conditions processor does.</summary>
internal sealed class ConditionEvaluator(ComponentIndex index, ScriptSandbox scripts)
{
    /// <summary>Hidden, and the failure of a customConditional script if it failed.</summary>
    public (bool Hidden, string? ScriptFailure) IsHidden(FormComponent component, ConditionScope scope)
    {
        if (component.CustomConditional is { Length: > 0 } script)
        {
            var result = scripts.Run(script, "show", JsonValue.Create(true), Variables(component, scope));
            if (result.Failed) return (false, result.Failure);
            if (result.Value is not null && !IsTruthy(result.Value)) return (true, null);
        }
        return (IsSimpleHidden(component, scope), null);
    }

    private bool IsSimpleHidden(FormComponent component, ConditionScope scope)
    {
        if (component.Json["conditional"] is not JsonObject conditional) return false;
        // core decides with JSON Logic, then the legacy when/eq, then the conditions, each present one replacing the result.
        object? show = null;
        if (conditional["json"] is JsonObject or JsonArray) show = JsonLogicEvaluator.Run(conditional["json"], LogicData.For(component, scope), scripts.Clock);
        if (Js.IsTruthy(conditional["when"])) show = Legacy(conditional, scope);
        if (Js.IsTruthy(conditional["conjunction"]) && Js.IsTruthy(conditional["conditions"])) show = Simple(conditional, scope);
        return show is not null && !JsTruthy(show);
    }

    /// <summary>JavaScript's truthiness of a JSON Logic result (an empty array is true there).</summary>
    internal static bool JsTruthy(object? value) => value is List<object?> || JsValue.Truthy(value);

    /// <summary>A logic trigger of type simple, as core's checkTrigger reads it: the legacy when/eq, else the conditions.</summary>
    public bool Check(JsonObject conditional, ConditionScope scope)
    {
        if (Js.IsTruthy(conditional["when"])) return Legacy(conditional, scope);
        return Js.IsTruthy(conditional["conjunction"]) && Js.IsTruthy(conditional["conditions"]) && Simple(conditional, scope) is true;
    }

    private bool Legacy(JsonObject conditional, ConditionScope scope)
    {
        var (found, value) = index.ValueOf(Js.ToJsString(conditional["when"]), scope.Data, scope.RowIndex);
        var eq = Js.ToJsString(conditional["eq"]);
        var show = Js.ToJsString(conditional["show"]);
        if (value is JsonObject o && o.ContainsKey(eq)) return Js.ToJsString(o[eq]) == show;
        // lodash has() treats an array as an object keyed by index: eq "0" reads the first item.
        if (value is JsonArray items && int.TryParse(eq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at) && at < items.Count)
            return (items[at] is null ? "null" : Js.ToJsString(items[at])) == show;
        if (value is JsonArray a && a.Any(x => Js.ToJsString(x) == eq)) return show == "true";
        var text = found ? (value is null ? "null" : Js.ToJsString(value)) : "undefined";
        return (text == eq) == (show == "true");
    }

    private bool? Simple(JsonObject conditional, ConditionScope scope)
    {
        if (conditional["conditions"] is not JsonArray { Count: > 0 } conditions) return null;
        var results = new List<bool>();
        foreach (var condition in conditions.OfType<JsonObject>())
        {
            var path = Js.AsString(condition["component"]);
            if (string.IsNullOrEmpty(path)) continue;
            var op = Js.AsString(condition["operator"]) ?? "";
            var target = index.Find(path);
            var value = target is null ? null : index.ValueOf(path, scope.Data, scope.RowIndex).Value;
            results.Add(!ConditionOperators.IsKnown(op) || ConditionOperators.Result(op, value, condition["value"], target));
        }
        var any = Js.AsString(conditional["conjunction"]) == "any";
        var result = any ? results.Any(r => r) : results.All(r => r);
        return ShowOf(conditional["show"]) ? result : !result;
    }

    private static bool ShowOf(JsonNode? show)
    {
        if (show is null) return true;
        if (Js.AsString(show) is { } text)
        {
            try
            {
                return Js.IsTruthy(JsonNode.Parse(text));
            }
            catch (JsonException)
            {
                return text.Length > 0;
            }
        }
        return Js.IsTruthy(show);
    }

    private static bool IsTruthy(object value) => value switch
    {
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0 && !double.IsNaN(d),
        _ => true,
    };

    /// <summary>What a script sees. Only validate.custom gets rowIndex: core sets it for that rule alone.</summary>
    internal static Dictionary<string, JsonNode?> Variables(FormComponent component, ConditionScope scope, bool withRowIndex = false) => new()
    {
        ["data"] = scope.Data,
        ["row"] = scope.Row,
        ["component"] = component.Json,
        ["value"] = scope.Value,
        ["input"] = scope.Value,
        ["rowIndex"] = withRowIndex && scope.RowIndex is { } i ? JsonValue.Create(i) : null,
    };
}
