using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests.Agreement;

internal static class CSharpValidator
{
    public static IReadOnlySet<string> Validate(JsonNode form, JsonNode submission)
    {
        var schema = FormSchemaParser.Parse(form.DeepClone(), references: NestedFormReferences.Unchecked);
        return new FormValidator().Validate(schema, submission).Errors
            .Select(e => $"{e.Path}:{e.Rule}").ToHashSet(StringComparer.Ordinal);
    }

    public static string Describe(IReadOnlySet<string> errors) => "{" + string.Join(", ", errors.Order(StringComparer.Ordinal)) + "}";
}
