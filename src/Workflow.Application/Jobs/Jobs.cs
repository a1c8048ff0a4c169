using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Workflow.Application.Calendars;
using Workflow.Application.Notifications;
using Workflow.Application.Persistence;

namespace Workflow.Application.Jobs;

/// <summary>Reads every external calendar not read in the last quarter of an hour, each in its own transaction.</summary>
[DisallowConcurrentExecution]
public sealed class SyncCalendarFeedsJob(IServiceScopeFactory scopes, AppDbContext db, TimeProvider clock, ILogger<SyncCalendarFeedsJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var staleBefore = clock.GetUtcNow().AddMinutes(-15);
        var due = await db.CalendarFeeds.Where(f => f.LastAttemptAt == null || f.LastAttemptAt < staleBefore)
            .OrderBy(f => f.LastAttemptAt).Select(f => f.Id).Take(200).ToListAsync(context.CancellationToken);
        foreach (var feedId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SyncCalendarFeed.Command(feedId), context.CancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Syncing calendar feed {Feed} failed", feedId);
            }
        }
    }
}

[DisallowConcurrentExecution]
public sealed class SendDueRemindersJob(IMediator mediator) : IJob
{
    public Task Execute(IJobExecutionContext context) => mediator.Send(new SendDueReminders.Command(), context.CancellationToken);
}
