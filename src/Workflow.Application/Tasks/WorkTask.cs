using Workflow.Application.Common;

namespace Workflow.Application.Tasks;

public enum WorkTaskStatus { Open, InProgress, Completed, Cancelled }

public enum TaskOriginKind { Manual, Workflow }

/// <summary>
/// A task on a dossier: for one assignee, or offered to everyone holding a candidate role
/// until one of them claims it. It pins the form version it was created with, so a later
/// form change never breaks it. Completed and cancelled tasks are final.
/// </summary>
public sealed class WorkTask : Entity
{
    private WorkTask() { }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string? FormKey { get; private set; }

    public int? FormVersion { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? CandidateRole { get; private set; }

    public WorkTaskStatus Status { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? CompletedById { get; private set; }

    public TaskOriginKind Origin { get; private set; }

    public Guid? WorkflowInstanceId { get; private set; }

    public string? WorkflowElementId { get; private set; }

    /// <summary>The submitted form data, as JSON.</summary>
    public string? Data { get; private set; }

    public uint Version { get; private set; }

    public static WorkTask Create(Guid dossierId, string title, string? description, string? formKey, int? formVersion, Guid? assigneeId,
        string? candidateRole, DateTimeOffset? dueAt, Guid? createdBy, Guid? workflowInstanceId, string? workflowElementId, DateTimeOffset now)
    {
        if (assigneeId is null && candidateRole is null)
            throw new DomainException("nobody-to-do-it", "A task names an assignee, a candidate role, or both.", unprocessable: true);
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossierId,
            Title = title,
            Description = description,
            FormKey = formKey,
            FormVersion = formVersion,
            AssigneeId = assigneeId,
            CandidateRole = candidateRole,
            DueAt = dueAt?.ToUniversalTime(),
            CreatedAt = now,
            CreatedById = createdBy,
            Status = WorkTaskStatus.Open,
            Origin = workflowInstanceId is null ? TaskOriginKind.Manual : TaskOriginKind.Workflow,
            WorkflowInstanceId = workflowInstanceId,
            WorkflowElementId = workflowElementId,
        };
        task.Raise(new TaskCreated(task.Id, dossierId, assigneeId, candidateRole, formKey, workflowInstanceId, workflowElementId, now));
        return task;
    }

    public bool IsCandidate(CurrentUser user) => AssigneeId == user.Id || (AssigneeId is null && CandidateRole is not null && user.IsInRole(CandidateRole));

    /// <summary>Takes the task: it becomes the user's and is in progress.</summary>
    public void Claim(CurrentUser user, DateTimeOffset now)
    {
        EnsureActive("claim");
        if (AssigneeId is { } assignee && assignee != user.Id)
            throw new DomainException("already-assigned", "The task is assigned to someone else.");
        if (AssigneeId is null && !user.IsInRole(CandidateRole!) && !user.IsAdmin)
            throw new ForbiddenException("not-candidate", $"The task is offered to the '{CandidateRole}' role.");
        AssigneeId = user.Id;
        if (Status == WorkTaskStatus.Open)
        {
            Status = WorkTaskStatus.InProgress;
            StartedAt = now;
        }
        Raise(new TaskClaimed(Id, DossierId, user.Id, now));
    }

    /// <summary>
    /// Gives the task back: open again, and unassigned when it was offered to a role (a task made for one person stays theirs).
    /// Only the holder, or an administrator, releases it.
    /// </summary>
    public void Release(CurrentUser user, DateTimeOffset now)
    {
        EnsureActive("release");
        if (AssigneeId is not { } holder)
            throw new DomainException("not-held", "Nobody holds this task: there is nothing to release.");
        if (holder != user.Id && !user.IsAdmin)
            throw new ForbiddenException("not-holder", "Only who holds the task, or an administrator, releases it.");
        if (CandidateRole is not null)
            AssigneeId = null;
        Status = WorkTaskStatus.Open;
        StartedAt = null;
        Raise(new TaskReleased(Id, DossierId, holder, user.Id, now));
    }

    /// <summary>Hands the task to someone else (or back to its candidate role with null).</summary>
    public void Assign(Guid? assigneeId, DateTimeOffset now)
    {
        EnsureActive("assign");
        if (assigneeId is null && CandidateRole is null)
            throw new DomainException("nobody-to-do-it", "A task without a candidate role needs an assignee.", unprocessable: true);
        AssigneeId = assigneeId;
        Raise(new TaskAssigned(Id, DossierId, assigneeId, now));
    }

    public void Complete(CurrentUser user, string? data, DateTimeOffset now)
    {
        EnsureActive("complete");
        if (!IsCandidate(user) && !user.IsAdmin)
            throw new ForbiddenException("not-assignee", "Only the assignee (or a holder of the candidate role, for an unclaimed task) completes it.");
        AssigneeId ??= user.Id;
        StartedAt ??= now;
        Status = WorkTaskStatus.Completed;
        CompletedAt = now;
        CompletedById = user.Id;
        Data = data;
        Raise(new TaskCompleted(Id, DossierId, user.Id, WorkflowInstanceId, WorkflowElementId, data, now));
    }

    public void Cancel(Guid by, string reason, DateTimeOffset now)
    {
        EnsureActive("cancel");
        Status = WorkTaskStatus.Cancelled;
        CompletedAt = now;
        Raise(new TaskCancelled(Id, DossierId, by, reason, now));
    }

    /// <summary>An instance migration mapped the user task this task stands for to another element.</summary>
    public void MoveToWorkflowElement(string elementId) => WorkflowElementId = elementId;

    private void EnsureActive(string action)
    {
        if (Status is WorkTaskStatus.Completed or WorkTaskStatus.Cancelled)
            throw new DomainException("illegal-status-change", $"Cannot {action} a task that is {Kebab.Of(Status)}.");
    }
}

public sealed record TaskCreated(Guid TaskId, Guid DossierId, Guid? AssigneeId, string? CandidateRole, string? FormKey, Guid? WorkflowInstanceId, string? WorkflowElementId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TaskClaimed(Guid TaskId, Guid DossierId, Guid UserId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TaskReleased(Guid TaskId, Guid DossierId, Guid FormerHolderId, Guid By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TaskAssigned(Guid TaskId, Guid DossierId, Guid? AssigneeId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TaskCompleted(Guid TaskId, Guid DossierId, Guid CompletedById, Guid? WorkflowInstanceId, string? WorkflowElementId, string? Data, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TaskCancelled(Guid TaskId, Guid DossierId, Guid By, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
