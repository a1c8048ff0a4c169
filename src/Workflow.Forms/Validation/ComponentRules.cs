using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.Extensions;
using Workflow.Forms.Rules;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>Runs the rules of one visible component, item by item for a multiple one, as core's validateProcess does.</summary>
internal sealed partial class ComponentRules(
    FormComponent component,
    string path,
    JsonNode? value,
    FormValidator.Level level,
    JsonObject data,
    ScriptSandbox scripts,
    FormValidatorOptions options,
    ErrorList errors)
{
    /// <summary>
    /// A skipped component (hidden, not an input, not persistent) runs no rule, except that
    /// core still checks the shape of a multiple component's non-empty array.
    /// </summary>
    public void Run(bool skipped)
    {
        var context = new RuleContext
        {
            Component = component,
            Value = value,
            Path = path,
            Data = data,
            Row = level.Row,
            RowIndex = level.RowIndex,
            Scripts = scripts,
            Form = level.Form,
        };
        if (component.Multiple && value is JsonArray { Count: > 0 } items)
            RunItems(context, items, skipped);
        else if (!skipped)
            RunWhole(context);
        if (skipped) return;
        RunUnique();
        RunApplicationValidators();
    }

    private void RunItems(RuleContext context, JsonArray items, bool skipped)
    {
        // core chooses the rules once, against the whole array, then runs them on each item;
        // the errors of an item are reported at the component's path, not at path[i].
        var perItem = skipped ? [] : RuleSet.All.Where(r => !r.FullValue && r.ShouldProcess(context)).ToList();
        for (var i = 0; perItem.Count > 0 && i < items.Count; i++)
        {
            var item = Truncate(items[i]);
            foreach (var rule in perItem)
                Report(rule.Process(context.WithValue(item, i)));
        }
        foreach (var rule in RuleSet.All.Where(r => r.FullValue))
            Report(rule.Process(context));
    }

    private void RunWhole(RuleContext context)
    {
        var truncated = Truncate(value);
        var c = ReferenceEquals(truncated, value) ? context : context.WithValue(truncated, level.RowIndex);
        // Whether a rule applies does not depend on what the others report: decided and run in one pass.
        foreach (var rule in RuleSet.All)
        {
            if (rule.ShouldProcess(context)) Report(rule.Process(c));
        }
    }

    private JsonNode? Truncate(JsonNode? v)
    {
        if (!Js.IsTruthy(component.Json["truncateMultipleSpaces"]) || Js.AsString(v) is not { Length: > 0 } s) return v;
        return JsonValue.Create(Spaces().Replace(Js.Trim(s), " "));
    }

    private void RunUnique()
    {
        if (options.Unique is null || !Js.IsTruthy(component.Json["unique"]) && !Js.IsTruthy(component.Validate?["unique"])) return;
        if (ValuePresence.HasValue(component, value) && options.Unique.IsTaken(component, path, value))
            Report(new RuleFailure("unique", "unique"));
    }

    private void RunApplicationValidators()
    {
        foreach (var validator in options.Validators.For(component.Type))
        {
            foreach (var error in validator.Validate(new ComponentValidationContext(component, path, value, data, level.Row)))
                errors.Add(error);
        }
    }

    private void Report(RuleFailure? failure)
    {
        if (failure is not null) errors.Add(component, path, failure);
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
