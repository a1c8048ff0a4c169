using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.JsonLogic;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>
/// calculateValue, run on the server only where the form says calculateServer, as core's
/// calculate processor does under config.server: the script sets value, which replaces the
/// submitted one before conditions and rules see it.
/// </summary>
internal static class Calculation
{
    public static bool Applies(FormComponent c, bool present, bool parentIsGrid) =>
        (Js.AsString(c.Json["calculateValue"]) is { Length: > 0 } || c.Json["calculateValue"] is JsonObject or JsonArray)
        && Js.IsTruthy(c.Json["calculateServer"])
        && c.HasData
        // core does not calculate an absent value of a grid's direct child.
        && !(parentIsGrid && !present);

    /// <summary>The calculated value, or null when the script gave none (null or undefined).</summary>
    public static (JsonNode? Value, string? Failure) Run(FormComponent c, ConditionScope scope, ScriptSandbox scripts)
    {
        if (c.Json["calculateValue"] is JsonObject or JsonArray)
        {
            // JSON Logic: core gives it value || null too; a null result (or a failing expression) calculates nothing.
            var data = LogicData.For(c, scope);
            data["value"] = Js.IsTruthy(scope.Value) ? JsValue.From(scope.Value) : null;
            return (JsValue.ToNode(JsonLogicEvaluator.Run(c.Json["calculateValue"], data, scripts.Clock)), null);
        }
        var script = Js.AsString(c.Json["calculateValue"])!;
        var variables = ConditionEvaluator.Variables(c, scope);
        // core starts from value || null.
        var result = scripts.Run(script, "value", Js.IsTruthy(scope.Value) ? scope.Value : null, variables);
        if (result.Failed) return (null, result.Failure);
        return (result.Value is null ? null : result.Json, null);
    }
}
