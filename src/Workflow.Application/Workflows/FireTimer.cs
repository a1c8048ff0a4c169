using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

public static class FireTimer
{
    /// <summary>
    /// A timer (or a service task's retry) is due: the instance moves on in this command's own
    /// transaction. Firing a wait that is gone (already fired, withdrawn, instance finished) does
    /// nothing, so a trigger that fires twice, or after a crash, is harmless.
    /// </summary>
    public sealed record Command(Guid InstanceId, Guid WaitId) : ICommand<bool>;

    internal sealed class Handler(AppDbContext db, WorkflowRuntime runtime, CurrentUser user) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var instance = await db.WorkflowInstances.Include(i => i.Subscriptions).Include(i => i.Timers).AsSingleQuery()
                .SingleOrDefaultAsync(i => i.Id == command.InstanceId, ct);
            if (instance is null || instance.Status != InstanceStatus.Running || instance.ReadState().Waits.All(w => w.Id != command.WaitId))
                return false;
            if (!user.IsAuthenticated)
                user.Set(CommandRunner.SystemUserId, [Roles.Admin]);
            return await runtime.RunAsync(instance, (engine, process, state, caller) =>
                engine.FireTimerAsync(process, state, command.WaitId, caller, ct), ct);
        }
    }
}

public static class FireDueTimers
{
    /// <summary>Fires every timer due by now, each in its own transaction: the sweep that catches a trigger lost in a crash, and what tests call after moving the clock.</summary>
    public sealed record Command(int Limit = 200) : IRequest<int>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock, IServiceScopeFactory scopes, ILogger<Command> logger) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var due = await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(command.Limit).ToListAsync(ct);
            var fired = 0;
            foreach (var timer in due)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FireTimer.Command(timer.InstanceId, timer.WaitId), ct))
                        fired++;
                }
                catch (DomainException ex)
                {
                    // Another node fired it at the same moment (concurrent-update): its result stands.
                    logger.LogWarning(ex, "Timer {Wait} of instance {Instance} was not fired", timer.WaitId, timer.InstanceId);
                }
            }
            return fired;
        }
    }
}
