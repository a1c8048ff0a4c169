using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// core's validateMultiple: a multiple component holds an array, a single one does not. Its
/// rule names are core's error keys: array, nonarray, array_nonempty.
/// </summary>
internal sealed class MultipleRule : IRule
{
    public bool FullValue => true;

    public bool ShouldProcess(RuleContext c) => IsEligible(c.Component);

    public RuleFailure? Process(RuleContext c)
    {
        var component = c.Component;
        if (!IsEligible(component)) return null;
        var isArray = c.Value is JsonArray;
        var rowsModel = component.Model is ModelType.NestedArray or ModelType.NestedDataArray;
        if (component.Multiple)
        {
            if (c.Value is JsonArray a)
            {
                if (a.Count == 0) return component.Required ? new("array_nonempty", "array_nonempty") : null;
                return !rowsModel && a[0] is JsonArray && component.Model != ModelType.Any ? new("nonarray", "nonarray") : null;
            }
            return Js.IsNull(c.Value) ? (component.Required ? new("array", "array") : null) : new("array", "array");
        }
        var canBeArray = EmptyValueIsArray(component) || rowsModel;
        return !canBeArray && isArray ? new("nonarray", "nonarray") : null;
    }

    private static bool IsEligible(FormComponent c) => c.Type switch
    {
        "hidden" or "address" => c.Multiple,
        "textarea" => c.Setting("as") == "json" && c.Multiple,
        // core skips select "for backwards compatibility".
        "select" => false,
        _ => true,
    };

    private static bool EmptyValueIsArray(FormComponent c) => c.Type switch
    {
        "textfield" => c.Multiple,
        "tags" => c.Setting("storeas") != "string",
        _ => true,
    };
}
