namespace Workflow.Forms.Scripting;

/// <summary>The value a script left in its result variable (null, bool, string or double), or why it failed.</summary>
public sealed record ScriptResult(object? Value, string? Failure)
{
    /// <summary>The result as JSON (JSON.stringify of it), for scripts that compute a value rather than a verdict.</summary>
    public System.Text.Json.Nodes.JsonNode? Json { get; init; }

    public bool Failed => Failure is not null;

    public static ScriptResult Of(object? value) => new(value, null);

    public static ScriptResult Fail(string why) => new(null, why);
}
