using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

/// <summary>Builds a form from its components and validates data against it.</summary>
internal static class Forms
{
    public static ValidationResult Validate(string components, string data, FormValidatorOptions? options = null, string display = "form")
    {
        var schema = FormSchemaParser.Parse($$"""{"display":"{{display}}","components":{{components}}}""", options?.Validators.Types);
        return new FormValidator(options).Validate(schema, JsonNode.Parse($$"""{"data":{{data}}}"""));
    }

    public static string[] Errors(string components, string data, FormValidatorOptions? options = null) =>
        Validate(components, data, options).Errors.Select(e => $"{e.Path}:{e.Rule}").Order(StringComparer.Ordinal).ToArray();
}
