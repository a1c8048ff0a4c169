using Workflow.Forms.Rules;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// Collects errors as core's handleError does: one error per path and message key, so that a
/// customMessage (which replaces every key of its component) keeps only the first rule that failed.
/// </summary>
internal sealed class ErrorList
{
    private readonly HashSet<(string Path, string Key)> seen = [];

    public List<ValidationError> Items { get; } = [];

    public void Add(FormComponent component, string path, RuleFailure failure)
    {
        var custom = Js.AsString(component.Validate?["customMessage"]);
        var key = string.IsNullOrEmpty(custom) ? failure.Key : custom;
        if (!seen.Add((path, key))) return;
        var label = Js.AsString(component.Json["label"]) is { Length: > 0 } l ? l : component.Key;
        var (en, fr) = Messages.For(key, label, failure.Setting);
        Items.Add(new ValidationError(path, failure.Rule, en, fr));
    }

    public void Add(ValidationError error)
    {
        if (seen.Add((error.Path, error.Rule + ":" + error.MessageEn)))
            Items.Add(error);
    }
}
