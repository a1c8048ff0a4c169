using System.Text.Json.Nodes;

namespace Workflow.Forms.Validation;

/// <summary>The errors, and the data as the server keeps it: hidden values with clearOnHide removed.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors, JsonObject Data)
{
    public bool IsValid => Errors.Count == 0;
}
