using System.Text.Json.Nodes;
using Workflow.Engine.Execution;
using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Engine.Tests.Support;

/// <summary>An engine with a controllable clock and scripted commands, plus short ways to read a state.</summary>
public sealed class Harness
{
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public RecordingCommands Commands { get; } = new();
    public WorkflowEngine Engine { get; }

    public Harness(EngineOptions? options = null) => Engine = new WorkflowEngine(Commands, Clock, options);

    public Task<EngineResult> Start(ProcessDefinition definition, object? variables = null, string? startEventId = null) =>
        Engine.StartAsync(definition, Variables(variables), startEventId);

    public static JsonObject? Variables(object? variables) => variables switch
    {
        null => null,
        JsonObject json => json,
        _ => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(variables))!.AsObject(),
    };
}

public static class StateReading
{
    public static Wait WaitOn(this InstanceState state, string elementId) =>
        state.Waits.Single(w => w.ElementId == elementId);

    public static bool Passed(this InstanceState state, string elementId) =>
        state.Journal.Any(j => j.Kind == JournalKind.Entered && j.ElementId == elementId);

    public static string[] TokenElements(this InstanceState state) =>
        state.Tokens.Select(t => t.ElementId).Order(StringComparer.Ordinal).ToArray();

    public static T Single<T>(this EngineResult result) where T : Effect => result.Effects.OfType<T>().Single();

    public static string? Text(this InstanceState state, string variable) => state.Variables[variable]?.GetValue<string>();
}
