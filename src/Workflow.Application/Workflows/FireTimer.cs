using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Jobs;
using Workflow.Application.Persistence;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

public static class FireTimer
{
    /// <summary>
    /// A timer (or a service task's retry) is due: the instance moves on in this command's own transaction. The
    /// instance's row is locked first and the wait checked, then consumed by the step it causes, in the same
    /// transaction: a second firing (the job run again after a crash, the sweep at the same moment, another
    /// node) waits for the first to commit, then finds the wait gone and does nothing.
    /// </summary>
    public sealed record Command(Guid InstanceId, Guid WaitId) : ICommand<bool>;

    internal sealed class Handler(WorkflowRuntime runtime) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var instance = await runtime.Find(command.InstanceId, ct, exclusive: true);
            if (instance is null || instance.Status != InstanceStatus.Running || instance.ReadState().Waits.All(w => w.Id != command.WaitId))
                return false;
            return await runtime.RunAsync(instance, (engine, process, state, caller) =>
                engine.FireTimerAsync(process, state, command.WaitId, caller, ct), ct);
        }
    }

    /// <summary>What fires a timer of either kind: an instance's wait, or (without an instance) a version's timer start event.</summary>
    public static IRequest<bool> For(Guid timerId, Guid? instanceId, DateTimeOffset dueAt) =>
        instanceId is { } instance ? new Command(instance, timerId) : new FireTimerStart.Command(timerId, dueAt);
}

public static class FireDueTimers
{
    /// <summary>
    /// Fires every timer due by now (an instance's or a timer start event's), each in its own transaction: the
    /// sweep that catches a job lost in a crash, and what tests call after moving the clock.
    /// </summary>
    public sealed record Command(int Limit = 200) : IRequest<int>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock, IServiceScopeFactory scopes, ILogger<Command> logger) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var waits = await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(command.Limit)
                .Select(t => new { Id = t.WaitId, InstanceId = (Guid?)t.InstanceId, t.DueAt }).ToListAsync(ct);
            var starts = await db.WorkflowTimerStarts.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(command.Limit)
                .Select(t => new { t.Id, InstanceId = (Guid?)null, t.DueAt }).ToListAsync(ct);
            var fired = 0;
            foreach (var timer in waits.Concat(starts).OrderBy(t => t.DueAt))
            {
                await using var scope = scopes.CreateJobScope();
                try
                {
                    if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(FireTimer.For(timer.Id, timer.InstanceId, timer.DueAt), ct))
                        fired++;
                }
                catch (DomainException ex)
                {
                    // Refused by the database (a concurrent change that locking did not cover): the timer stays due for the next sweep.
                    logger.LogWarning(ex, "Timer {Timer} was not fired", timer.Id);
                }
            }
            return fired;
        }
    }
}
