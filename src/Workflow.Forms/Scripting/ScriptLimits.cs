namespace Workflow.Forms.Scripting;

/// <summary>
/// Bounds on one evaluation of a form's JavaScript. Form scripts come from whoever designs the
/// form; the server must survive an infinite loop, a runaway recursion or a string doubled
/// until memory runs out. Each bound is one of Jint's constraints; MaxAllocatedBytes is Jint's
/// memory limit (the bytes the thread allocates while the script runs).
/// </summary>
public sealed record ScriptLimits(TimeSpan Timeout, int MaxStatements, int MaxRecursion, long MaxAllocatedBytes, int MaxScriptLength)
{
    public static ScriptLimits Default { get; } = new(TimeSpan.FromMilliseconds(500), 10_000, 64, 64 * 1024 * 1024, 20_000);
}
