using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>
/// core's defaultValue processor as the server runs it, before calculations: a component whose
/// key is not in its row gets customDefaultValue's result, then its defaultValue (a truthy one;
/// an array for a multiple field). Numbers and currencies get none on the server, since core
/// cannot tell a removed number from a missing one.
/// </summary>
internal static class DefaultValue
{
    public static bool Applies(FormComponent c, bool present) =>
        c.HasData && !present && c.Model != ModelType.Number
        && (Js.AsString(c.Json["customDefaultValue"]) is { Length: > 0 } || c.Json.ContainsKey("defaultValue"));

    /// <summary>The default to write, or null when there is none.</summary>
    public static (JsonNode? Value, string? Failure) Of(FormComponent c, ConditionScope scope, ScriptSandbox scripts)
    {
        JsonNode? value = null;
        string? failure = null;
        if (Js.AsString(c.Json["customDefaultValue"]) is { Length: > 0 } script)
        {
            var result = scripts.Run(script, "value", null, ConditionEvaluator.Variables(c, scope));
            if (result.Failed) failure = result.Failure;
            else if (result.Value is not null) value = AsMultiple(c, result.Json);
        }
        // The server default is looked at after the custom one, and only while the key is still missing.
        if (Js.IsNull(value) && Js.IsTruthy(c.Json["defaultValue"]))
            value = AsMultiple(c, c.Json["defaultValue"]!.DeepClone());
        return (Js.IsNull(value) ? null : value, failure);
    }

    private static JsonNode? AsMultiple(FormComponent c, JsonNode? value) =>
        !c.Multiple || value is JsonArray ? value : Js.IsTruthy(value) ? new JsonArray(value!.DeepClone()) : new JsonArray();
}
