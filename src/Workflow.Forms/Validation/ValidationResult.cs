using System.Text.Json.Nodes;

namespace Workflow.Forms.Validation;

/// <summary>The errors, and the data as the server validated it: defaults filled, values normalised, hidden values with clearOnHide removed.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors, JsonObject Data)
{
    public bool IsValid => Errors.Count == 0;
}
