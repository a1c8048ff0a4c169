namespace Workflow.Engine.State;

/// <summary>A token stuck on an error that needs a person: retry or skip it through the host.</summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public Guid TokenId { get; set; }
    public string ElementId { get; set; } = "";
    public string Error { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
