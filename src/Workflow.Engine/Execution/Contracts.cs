using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;
using Workflow.Engine.State;

namespace Workflow.Engine.Execution;

/// <summary>Runs a service task's command; the application sends it through MediatR.</summary>
public interface ICommandRunner
{
    Task<CommandOutcome> RunAsync(CommandRequest request, CancellationToken cancellationToken);
}

/// <param name="Attempt">1 for the first try, so a handler can be idempotent per attempt if it wishes.</param>
public sealed record CommandRequest(Guid InstanceId, string ElementId, string Command, JsonObject Input, int Attempt, JsonObject? Context);

/// <summary>
/// A failure with an error code is a business error that error boundary events may catch;
/// one without (or that nothing catches) is technical and goes through the retry policy.
/// </summary>
public sealed record CommandOutcome(bool Succeeded, JsonNode? Result, string? ErrorCode, string? Message)
{
    public static CommandOutcome Success(JsonNode? result = null) => new(true, result, null, null);
    public static CommandOutcome Failure(string message) => new(false, null, null, message);
    public static CommandOutcome BusinessError(string errorCode, string? message = null) => new(false, null, errorCode, message ?? errorCode);
}

/// <summary>Who acts, and what else expressions may see (the dossier, say) as global variables.</summary>
public sealed record Caller(string? Actor = null, JsonObject? Context = null)
{
    public static Caller System { get; } = new();
}

public sealed record EngineOptions
{
    public ExpressionLimits Limits { get; init; } = ExpressionLimits.Default;

    /// <summary>The correlation expression of message events that declare none.</summary>
    public string DefaultCorrelation { get; init; } = "dossierId";

    /// <summary>Elements one command may enter before the engine decides the instance loops without end.</summary>
    public int MaxStepsPerCommand { get; init; } = 10_000;
}

/// <param name="Changed">False when the command found nothing to do (a message no wait matched); the version is then unchanged.</param>
public sealed record EngineResult(InstanceState State, IReadOnlyList<Effect> Effects, bool Changed);

/// <summary>A command that cannot apply to the instance as it is (unknown wait, finished instance); the host answers 409.</summary>
public sealed class WorkflowException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
