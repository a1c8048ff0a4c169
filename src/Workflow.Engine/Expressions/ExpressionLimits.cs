namespace Workflow.Engine.Expressions;

/// <summary>
/// Bounds on one expression. Jint 2.10 has no memory limit of its own, so the engine checks the bytes
/// allocated by the evaluating thread before every statement.
/// </summary>
public sealed record ExpressionLimits(TimeSpan Timeout, int MaxStatements, int MaxRecursionDepth, long MaxAllocatedBytes, int MaxLength)
{
    public static ExpressionLimits Default { get; } = new(TimeSpan.FromMilliseconds(500), 10_000, 32, 16 * 1024 * 1024, 4_000);
}
