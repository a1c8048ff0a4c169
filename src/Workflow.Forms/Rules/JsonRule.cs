using Workflow.Forms.Conditions;
using Workflow.Forms.JsonLogic;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// validate.json: a JSON Logic expression that gives true (valid), a message, or anything else (invalid,
/// core's key jsonLogic). An expression that fails gives null, which core counts as valid.
/// </summary>
internal sealed class JsonRule : IRule
{
    public bool ShouldProcess(RuleContext c) => c.Component.Validate?["json"] is System.Text.Json.Nodes.JsonObject or System.Text.Json.Nodes.JsonArray;

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var data = LogicData.For(c.Component, new ConditionScope(c.Data, c.Row, c.RowIndex, c.Value, c.Form));
        // core sets value to value || null for the rule; input stays the value.
        data["value"] = Js.IsTruthy(c.Value) ? JsValue.From(c.Value) : null;
        var valid = JsonLogicEvaluator.Run(c.Component.Validate!["json"], data, c.Scripts.Clock);
        return valid switch
        {
            null or true => null,
            string { Length: > 0 } message => new(message, "json"),
            _ when JsValue.Truthy(valid) || valid is List<object?> => new(JsValue.ToStr(valid), "json"),
            _ => new("jsonLogic", "json"),
        };
    }
}
