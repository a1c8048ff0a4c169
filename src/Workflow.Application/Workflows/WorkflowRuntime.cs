using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Application.Tasks;
using Workflow.Engine.Execution;
using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

/// <summary>
/// The application's side of the engine: it runs an engine command on an instance, stores the new
/// state on the tracked row (saved by the surrounding unit of work, in the same transaction as the
/// change that caused it) and carries out the effects that touch the domain: tasks made and withdrawn.
/// Timers and subscriptions follow from the stored state (<see cref="WorkflowInstance.Apply"/>).
/// </summary>
public sealed class WorkflowRuntime(AppDbContext db, DefinitionCache definitions, CommandRunner runner, CurrentUser user, TimeProvider clock)
{
    public WorkflowEngine Engine { get; } = new(runner, clock);

    public async Task<WorkflowInstance?> StartAsync(WorkflowDefinition definition, Guid? dossierId,
        Func<WorkflowEngine, ProcessDefinition, Caller, Guid, Task<EngineResult?>> start, CancellationToken ct)
    {
        var process = definitions.Get(definition);
        var caller = await CallerFor(dossierId, ct);
        var result = await Refusals(() => start(Engine, process, caller, Guid.CreateVersion7(clock.GetUtcNow())));
        if (result is null)
            return null;
        var instance = WorkflowInstance.Start(definition, dossierId ?? DossierOf(result.State), result);
        db.WorkflowInstances.Add(instance);
        await CarryOut(instance, result, ct);
        return instance;
    }

    public async Task<bool> RunAsync(WorkflowInstance instance,
        Func<WorkflowEngine, ProcessDefinition, InstanceState, Caller, Task<EngineResult>> command, CancellationToken ct)
    {
        var process = await definitions.Get(db, instance.DefinitionId, ct);
        var caller = await CallerFor(instance.DossierId, ct);
        var result = await Refusals(() => command(Engine, process, instance.ReadState(), caller));
        if (!result.Changed)
            return false;
        instance.Apply(result.State, clock.GetUtcNow());
        await CarryOut(instance, result, ct);
        return true;
    }

    /// <summary>The engine's refusals (an illegal move on the instance) are the application's domain errors: 409 with the engine's reason.</summary>
    private static async Task<T> Refusals<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Engine.Execution.WorkflowException refused)
        {
            throw new DomainException(refused.Reason, refused.Message);
        }
    }

    public async Task<WorkflowInstance> Load(Guid instanceId, CancellationToken ct) =>
        await Find(instanceId, ct) ?? throw new NotFoundException("Workflow instance", instanceId);

    /// <summary>
    /// The instance with its waits, or null. <paramref name="exclusive"/> locks its row until the transaction
    /// ends, so that steps racing for one wait (two firings of a timer) run one after the other.
    /// </summary>
    public async Task<WorkflowInstance?> Find(Guid instanceId, CancellationToken ct, bool exclusive = false)
    {
        var instances = exclusive
            ? db.WorkflowInstances.FromSql($"SELECT *, xmin FROM workflow_instances WHERE id = {instanceId} FOR UPDATE")
            : db.WorkflowInstances;
        return await instances.WithWaits().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
    }

    private async Task CarryOut(WorkflowInstance instance, EngineResult result, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case UserTaskCreated task:
                    if (await CreateTask(instance, task, ct) is { } problem)
                        problems.Add(problem);
                    break;
                case WaitCancelled { Kind: WaitKind.UserTask } cancelled:
                    await WithdrawTasks(instance.Id, cancelled.ElementId, ct);
                    break;
                case InstanceEnded:
                    await WithdrawTasks(instance.Id, null, ct);
                    break;
            }
        }
        if (problems.Count == 0)
            return;
        // A task that could not be made is written in the journal: the instance still waits, and an admin sees why.
        var state = instance.ReadState();
        foreach (var problem in problems)
            state.Journal.Add(new JournalEntry { At = clock.GetUtcNow(), Kind = JournalKind.Error, Actor = "workflow", Message = problem });
        instance.Apply(state, clock.GetUtcNow());
    }

    private async Task<string?> CreateTask(WorkflowInstance instance, UserTaskCreated task, CancellationToken ct)
    {
        if (instance.DossierId is not { } dossierId)
            return $"{task.ElementId}: a user task needs the instance to belong to a dossier (a 'dossierId' variable)";
        var assignee = Guid.TryParse(task.Assignee, out var id) ? id : (Guid?)null;
        if (assignee is null && task.CandidateRole is null)
            assignee = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => (Guid?)d.ReferentId).SingleOrDefaultAsync(ct);
        var command = new CreateTask.Command(dossierId, task.Name ?? task.ElementId, null, assignee, task.CandidateRole, task.DueAt, task.FormKey,
            null, instance.Id, task.ElementId);
        var input = JsonSerializer.SerializeToNode(command, WorkflowCatalogue.Json)!.AsObject();
        var outcome = await runner.RunAsync(new CommandRequest(instance.Id, task.ElementId, "Tasks.CreateTask", input, 1, null), ct);
        return outcome.Succeeded ? null : $"{task.ElementId}: the task could not be created: {outcome.Message}";
    }

    private async Task WithdrawTasks(Guid instanceId, string? elementId, CancellationToken ct)
    {
        var tasks = await db.Tasks.Where(t => t.WorkflowInstanceId == instanceId && (elementId == null || t.WorkflowElementId == elementId)).ToListAsync(ct);
        // Tracked tasks may have moved in this transaction (the one just completed): their status in memory decides.
        foreach (var task in tasks.Where(t => t.Status is WorkTaskStatus.Open or WorkTaskStatus.InProgress))
            task.Cancel(user.IsAuthenticated ? user.Id : CurrentUser.SystemUserId, "The workflow moved on.", clock.GetUtcNow());
    }

    /// <summary>Expressions see the dossier as a global, beside the instance's variables.</summary>
    private async Task<Caller> CallerFor(Guid? dossierId, CancellationToken ct)
    {
        var actor = user.IsAuthenticated ? user.Id.ToString() : "workflow";
        if (dossierId is null)
            return new Caller(actor);
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
            .Select(d => new { d.Id, d.Reference, d.Title, d.Kind, d.ReferentId, d.Urgent, d.Confidential }).SingleOrDefaultAsync(ct);
        var context = new JsonObject { ["dossier"] = dossier is null ? null : JsonSerializer.SerializeToNode(dossier, WorkflowCatalogue.Json) };
        return new Caller(actor, context);
    }

    private static Guid? DossierOf(InstanceState state) =>
        state.Variables["dossierId"] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;
}
