using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>
/// Validates a submission ({"data": {…}}) against a parsed form as @formio/core's server-side
/// evaluation does: one pass in document order where each component's conditions are decided,
/// its value cleared if hidden, then its rules run, before the next component.
/// </summary>
public sealed class FormValidator(FormValidatorOptions? options = null)
{
    private readonly FormValidatorOptions options = options ?? new FormValidatorOptions();

    public ValidationResult Validate(FormSchema schema, JsonNode? submission)
    {
        // A copy read back from text: the caller's data is not cleared, and every value is backed by JSON.
        var data = submission?["data"] is JsonObject d ? Js.WithClrStrings(JsonNode.Parse(d.ToJsonString()))!.AsObject() : [];
        // One sandbox, so one script engine, for this submission's scripts; none for another's.
        var scripts = new ScriptSandbox(options.ScriptLimits, options.Clock);
        var run = new ValidationRun(data, new ConditionEvaluator(schema.Index, scripts), scripts, options);
        run.Walk(schema.Components, new Level(data, "", data, null, false, false, Form: schema.Json));
        return new ValidationResult(run.Errors, data);
    }

    /// <summary>
    /// Where the walk stands: the object children write into, the path prefix and the state
    /// inherited from parents. Attach puts a stand-in Scope (for a missing or malformed
    /// container, grid or row) into the data the first time something is written to it, as
    /// lodash set does in core. InRow: inside a row a grid's value holds (core's dataIndex is
    /// set), not only the row an absent grid is walked with.
    /// </summary>
    internal sealed record Level(
        JsonObject Scope,
        string Prefix,
        JsonNode? Row,
        int? RowIndex,
        bool ConditionallyHidden,
        bool IntentionallyHidden,
        bool ParentIsGrid = false,
        Action? Attach = null,
        JsonObject? Form = null,
        bool InRow = false);
}
