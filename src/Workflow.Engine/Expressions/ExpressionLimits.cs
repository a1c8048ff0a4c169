namespace Workflow.Engine.Expressions;

/// <summary>Bounds on one expression, each a constraint of the engine that runs it (Jint's own memory limit among them).</summary>
public sealed record ExpressionLimits(TimeSpan Timeout, int MaxStatements, int MaxRecursionDepth, long MaxAllocatedBytes, int MaxLength)
{
    public static ExpressionLimits Default { get; } = new(TimeSpan.FromMilliseconds(500), 10_000, 32, 16 * 1024 * 1024, 4_000);
}
