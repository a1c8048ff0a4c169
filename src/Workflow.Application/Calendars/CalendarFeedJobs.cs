using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;

namespace Workflow.Application.Calendars;

/// <summary>
/// External calendars are read by Hangfire jobs: every quarter of an hour (Jobs:Cron:CalendarFeeds) each feed not
/// read for 15 minutes gets a job of its own, which Hangfire retries with a growing delay when the feed cannot be
/// read; the feed records its last error and the dashboard shows the attempts.
/// </summary>
public sealed class CalendarFeedJobs(AppDbContext db, IBackgroundJobClient jobs, IMediator mediator, TimeProvider clock)
{
    [JobDisplayName("Calendar feeds: queue those not read lately")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> QueueStale(CancellationToken ct)
    {
        var staleBefore = clock.GetUtcNow().AddMinutes(-15);
        var due = await db.CalendarFeeds.Where(f => f.LastAttemptAt == null || f.LastAttemptAt < staleBefore)
            .OrderBy(f => f.LastAttemptAt).Select(f => f.Id).Take(200).ToListAsync(ct);
        foreach (var feedId in due)
            jobs.Enqueue<CalendarFeedJobs>(job => job.Sync(feedId, CancellationToken.None));
        return due.Count;
    }

    [JobDisplayName("Calendar feed {0}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task Sync(Guid feedId, CancellationToken ct)
    {
        CalendarFeedDto feed;
        try
        {
            feed = await mediator.Send(new SyncCalendarFeed.Command(feedId), ct);
        }
        catch (NotFoundException)
        {
            return; // removed since it was queued
        }
        if (feed.Status == FeedStatus.Error)
            throw new CalendarFeedNotReadException(feed.Id, feed.LastError);
    }
}

public sealed class CalendarFeedNotReadException(Guid feedId, string? error) : Exception($"Calendar feed {feedId} could not be read: {error}");
