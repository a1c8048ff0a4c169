using Workflow.Application.Common;

namespace Workflow.Application.Workflows;

/// <summary>
/// The next occurrence of a published version's timer start event: written in the publication's transaction,
/// moved to the following occurrence in the transaction that starts the instance (so an occurrence starts one
/// instance however often its job runs), removed when the version is unpublished or the timer is spent. A
/// Hangfire job fires it, like an instance's timer; the sweep fires it if that job was lost.
/// </summary>
public sealed class WorkflowTimerStart : Entity
{
    private WorkflowTimerStart() { }

    public Guid Id { get; private set; }

    public Guid DefinitionId { get; private set; }

    public string StartEventId { get; private set; } = "";

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>How many occurrences of a cycle follow this one (0 for a date or a duration); null: forever.</summary>
    public int? Remaining { get; private set; }

    /// <summary>The Hangfire job that fires this occurrence, once scheduled after the commit.</summary>
    public string? JobId { get; private set; }

    public static WorkflowTimerStart Schedule(Guid definitionId, string startEventId, DateTimeOffset dueAt, int? remaining, DateTimeOffset now)
    {
        var timer = new WorkflowTimerStart
        {
            Id = Guid.CreateVersion7(now), DefinitionId = definitionId, StartEventId = startEventId, DueAt = Stored(dueAt), Remaining = remaining,
        };
        timer.Raise(new WorkflowTimerSet(timer.Id, null, timer.DueAt, now));
        return timer;
    }

    /// <summary>The occurrence due at <paramref name="dueAt"/> has started its instance: the timer waits for the next one.</summary>
    public void MoveTo(DateTimeOffset dueAt, int? remaining, DateTimeOffset now)
    {
        (DueAt, Remaining, JobId) = (Stored(dueAt), remaining, null);
        Raise(new WorkflowTimerSet(Id, null, DueAt, now));
    }

    /// <summary>A due time as PostgreSQL keeps it (to the microsecond): an occurrence is named by its due time, so the job and the row must agree on it.</summary>
    public static DateTimeOffset Stored(DateTimeOffset dueAt) => dueAt.AddTicks(-(dueAt.Ticks % 10)).ToUniversalTime();

    /// <summary>Spent or unpublished: the caller removes the row, its job goes after the commit.</summary>
    public void Cancel(DateTimeOffset now) => Raise(new WorkflowTimerCleared(Id, JobId, now));
}
