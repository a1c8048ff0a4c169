using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Cli;

/// <summary>
/// <c>workflow forms validate FORM.json SUBMISSION.json</c>: prints {"valid", "errors": [{path, rule, message}]}
/// and exits 0 when valid, 1 when invalid, 2 when the form is malformed or a file cannot be read.
/// </summary>
public static class FormsCommand
{
    public const int Valid = 0, Invalid = 1, Malformed = 2;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static async Task<int> Validate(string formFile, string submissionFile, string language, TextWriter output, TextWriter error)
    {
        FormSchema schema;
        JsonNode? submission;
        try
        {
            schema = FormSchemaParser.Parse(await File.ReadAllTextAsync(formFile));
        }
        catch (FormSchemaException e)
        {
            await error.WriteLineAsync($"{formFile}: malformed form: {e.Message}");
            return Malformed;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"{formFile}: cannot read: {e.Message}");
            return Malformed;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"{formFile}: cannot read: {e.Message}");
            return Malformed;
        }
        try
        {
            submission = JsonNode.Parse(await File.ReadAllTextAsync(submissionFile));
            if (submission is not JsonObject)
                throw new JsonException("a submission is a JSON object such as {\"data\": {…}}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await error.WriteLineAsync($"{submissionFile}: cannot read the submission: {e.Message}");
            return Malformed;
        }

        var result = new FormValidator().Validate(schema, submission);
        await output.WriteLineAsync(ValidationReport.ToJson(result, language).ToJsonString(Compact));
        return result.IsValid ? Valid : Invalid;
    }
}
