namespace Workflow.Forms.Scripting;

/// <summary>The value a script left in its result variable (null, bool, string or double), or why it failed.</summary>
public sealed record ScriptResult(object? Value, string? Failure)
{
    public bool Failed => Failure is not null;

    public static ScriptResult Of(object? value) => new(value, null);

    public static ScriptResult Fail(string why) => new(null, why);
}
