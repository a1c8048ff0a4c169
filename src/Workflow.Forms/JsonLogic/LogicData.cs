using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Schema;

namespace Workflow.Forms.JsonLogic;

/// <summary>
/// What JSON Logic reads with var, as core hands it its evaluation context (normalizeContext): data, row,
/// component, form, value and input, submission.data, config.server.
/// </summary>
internal static class LogicData
{
    public static Dictionary<string, object?> For(FormComponent component, ConditionScope scope) => new(StringComparer.Ordinal)
    {
        ["data"] = scope.Data,
        ["row"] = JsValue.From(scope.Row),
        ["component"] = component.Json,
        ["form"] = scope.Form,
        ["value"] = JsValue.From(scope.Value),
        ["input"] = JsValue.From(scope.Value),
        ["submission"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["data"] = scope.Data },
        ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["server"] = true },
    };
}
