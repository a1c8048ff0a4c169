using System.Linq.Expressions;
using System.Text.Json.Nodes;

namespace Workflow.Application.Tasks;

public sealed record TaskDto(
    Guid Id, Guid DossierId, string DossierReference, string Title, string? Description, string? FormKey, int? FormVersion,
    Guid? AssigneeId, string? CandidateRole, WorkTaskStatus Status, DateTimeOffset? DueAt, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, TaskOriginKind Origin, Guid? WorkflowInstanceId, string? WorkflowElementId,
    bool Urgent, JsonObject? Data, bool Confidential, string DossierTitle, string? AssigneeName);

/// <summary>A task with what its screens show next to it: the dossier's reference, title and flags, and the holder's name.</summary>
internal sealed record TaskRow(WorkTask Task, string DossierReference, bool Urgent, bool Confidential, string DossierTitle, string? AssigneeName)
{
    public TaskDto ToDto() => new(Task.Id, Task.DossierId, DossierReference, Task.Title, Task.Description, Task.FormKey, Task.FormVersion,
        Task.AssigneeId, Task.CandidateRole, Task.Status, Task.DueAt, Task.CreatedAt, Task.StartedAt, Task.CompletedAt, Task.Origin,
        Task.WorkflowInstanceId, Task.WorkflowElementId, Urgent, Task.Data is null ? null : JsonNode.Parse(Task.Data)?.AsObject(),
        Confidential, DossierTitle, AssigneeName);
}
