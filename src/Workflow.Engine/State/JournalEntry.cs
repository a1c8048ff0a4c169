using System.Text.Json.Nodes;

namespace Workflow.Engine.State;

public sealed class JournalEntry
{
    public DateTimeOffset At { get; set; }
    public JournalKind Kind { get; set; }
    public string? ElementId { get; set; }
    public string? Actor { get; set; }
    public string? Message { get; set; }

    /// <summary>The new values of the variables this step changed.</summary>
    public JsonObject? Variables { get; set; }
}

public enum JournalKind
{
    InstanceStarted,
    Entered,
    Left,
    VariablesChanged,
    Error,
    IncidentRaised,
    IncidentResolved,
    InstanceEnded,
    Migrated,
}
