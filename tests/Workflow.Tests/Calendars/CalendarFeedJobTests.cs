using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Calendars;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Calendars;

public sealed class CalendarFeedJobFixture : JobServerFixture;

/// <summary>External calendars are read by Hangfire jobs, one per feed, retried with a growing delay when the feed cannot be read.</summary>
public sealed class CalendarFeedJobTests(CalendarFeedJobFixture app) : IClassFixture<CalendarFeedJobFixture>, IAsyncLifetime
{
    private readonly FeedServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Fixtures", name));

    private string? JobOf(Guid feedId) => app.FindJob(nameof(CalendarFeedJobs.Sync), feedId);

    [Fact]
    public async Task Every_feed_not_read_lately_gets_a_job_that_reads_it_and_a_feed_that_fails_is_retried_with_its_error_shown()
    {
        var s = await Scenario.Create(app);
        var good = await app.Send(new AddCalendarFeed.Command(s.Expert.Id, _server.Publish($"/{Guid.NewGuid():N}/good.ics", Fixture("google-weekly.ics"))), s.Expert);
        var broken = await app.Send(new AddCalendarFeed.Command(s.Expert.Id, _server.Publish($"/{Guid.NewGuid():N}/broken.ics", "gone", status: 503)), s.Expert);
        var fresh = await app.Send(new AddCalendarFeed.Command(s.Planner.Id, _server.Publish($"/{Guid.NewGuid():N}/fresh.ics", Fixture("google-weekly.ics"))), s.Planner);
        await app.Send(new SyncCalendarFeed.Command(fresh.Id), s.Planner);

        var queued = 0;
        await app.RunJob<CalendarFeedJobs>(async job => queued = await job.QueueStale(CancellationToken.None));

        queued.ShouldBe(2, "the feed read a moment ago waits for its turn");
        await Eventually.Until(() => Task.FromResult(JobOf(good.Id) is { } job && app.JobState(job) == SucceededState.StateName),
            TimeSpan.FromSeconds(60), "The good feed's job succeeding");
        (await app.Query(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.Id == good.Id))).Status.ShouldBe(FeedStatus.Ok);

        await Eventually.Until(() => Task.FromResult(JobOf(broken.Id) is { } job && app.JobState(job) == ScheduledState.StateName),
            TimeSpan.FromSeconds(60), "The broken feed's job failing and being scheduled again");
        var history = app.JobStorage.GetMonitoringApi().JobDetails(JobOf(broken.Id)).History;
        history[0].Reason.ShouldStartWith("Retry attempt 1 of 3");
        history[1].StateName.ShouldBe(FailedState.StateName);
        var feed = await app.Query(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.Id == broken.Id));
        feed.Status.ShouldBe(FeedStatus.Error);
        feed.LastError!.ShouldContain("503");
        history[1].Data["ExceptionMessage"].ShouldEndWith(feed.LastError!);
        JobOf(fresh.Id).ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_removed_before_its_job_ran_ends_the_job_quietly()
    {
        var s = await Scenario.Create(app);
        var feed = await app.Send(new AddCalendarFeed.Command(s.Expert.Id, _server.Publish($"/{Guid.NewGuid():N}/removed.ics", Fixture("google-weekly.ics"))), s.Expert);
        await app.Send(new RemoveCalendarFeed.Command(s.Expert.Id, feed.Id), s.Expert);

        await app.RunJob<CalendarFeedJobs>(job => job.Sync(feed.Id, CancellationToken.None));
    }
}
