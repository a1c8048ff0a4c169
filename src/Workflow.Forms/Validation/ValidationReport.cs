using System.Text.Json.Nodes;

namespace Workflow.Forms.Validation;

/// <summary>
/// The answer the API and the command line give: {"valid": bool, "errors": [{"path", "rule",
/// "message"}]}, paths and rules as @formio/core writes them, messages in one language.
/// </summary>
public static class ValidationReport
{
    public static JsonObject ToJson(ValidationResult result, string language = "en") => new()
    {
        ["valid"] = result.IsValid,
        ["errors"] = new JsonArray(result.Errors
            .Select(e => (JsonNode)new JsonObject
            {
                ["path"] = e.Path,
                ["rule"] = e.Rule,
                ["message"] = e.Message(language),
            })
            .ToArray()),
    };
}
