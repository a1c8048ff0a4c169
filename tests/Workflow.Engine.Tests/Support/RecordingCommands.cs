using System.Text.Json.Nodes;
using Workflow.Engine.Execution;

namespace Workflow.Engine.Tests.Support;

/// <summary>Answers commands from a script of outcomes and remembers every request.</summary>
public sealed class RecordingCommands : ICommandRunner
{
    private readonly Queue<Func<CommandRequest, CommandOutcome>> script = new();

    public List<CommandRequest> Requests { get; } = [];

    public RecordingCommands Then(CommandOutcome outcome) => Then(_ => outcome);

    public RecordingCommands Then(Func<CommandRequest, CommandOutcome> answer)
    {
        script.Enqueue(answer);
        return this;
    }

    public RecordingCommands ThenThrow(Exception exception) => Then(_ => throw exception);

    public Task<CommandOutcome> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var answer = script.Count > 0 ? script.Dequeue() : _ => CommandOutcome.Success(new JsonObject());
        return Task.FromResult(answer(request));
    }
}
