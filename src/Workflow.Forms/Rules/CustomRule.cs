using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Rules;

/// <summary>
/// validate.custom: the script sets valid to true, to false or to a message. Unlike core, a
/// script that throws or hits a limit fails the field (rule custom, message "script"): a
/// broken rule must not let every submission through unnoticed.
/// </summary>
internal sealed class CustomRule : IRule
{
    public bool ShouldProcess(RuleContext c) => Js.AsString(c.Component.Validate?["custom"]) is { Length: > 0 };

    public RuleFailure? Process(RuleContext c)
    {
        if (Js.AsString(c.Component.Validate?["custom"]) is not { Length: > 0 } script) return null;
        var scope = new ConditionScope(c.Data, c.Row, c.RowIndex, c.Value);
        var variables = ConditionEvaluator.Variables(c.Component, scope, withRowIndex: true);
        // core interpolates validate.custom (and only it) before running it.
        var result = c.Scripts.Run(ScriptTemplate.Interpolate(script, variables), "valid", JsonValue.Create(true), variables);
        if (result.Failed) return new("script", "custom", result.Failure);
        return result.Value switch
        {
            null or true => null,
            string message => new(message, "custom"),
            _ => new("custom", "custom"),
        };
    }
}
