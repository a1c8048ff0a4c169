using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Extensions;

/// <summary>What an application validator sees of one visible component with its value.</summary>
public sealed record ComponentValidationContext(FormComponent Component, string Path, JsonNode? Value, JsonObject Data, JsonNode? Row);

/// <summary>
/// Checks that the generic rules cannot make, registered by component type: the application
/// plugs its scheduling checks on appointmentPlanner here, and the library stays generic.
/// </summary>
public interface IComponentValidator
{
    string ComponentType { get; }

    IEnumerable<ValidationError> Validate(ComponentValidationContext context);
}

/// <summary>Answers whether a value is already taken, for validate.unique (core asks its database).</summary>
public interface IUniqueValueChecker
{
    bool IsTaken(FormComponent component, string path, JsonNode? value);
}
