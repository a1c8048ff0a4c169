using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Jobs;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public sealed class HangfireTimerFixture : JobServerFixture;

/// <summary>Workflow timers as Hangfire jobs: one per wait, fired once however many servers and firings there are, removed with the wait.</summary>
public sealed class HangfireTimerTests(HangfireTimerFixture app) : IClassFixture<HangfireTimerFixture>
{
    /// <summary>A task for planners, with a boundary timer on it: late after an hour.</summary>
    private static string TaskWithDeadline(string key) => Bpmn.Process(key, $"""
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="Check" name="Check the dossier">
              <bpmn:extensionElements><wf:taskDefinition formKey="expertise-report" candidateRole="planner" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:boundaryEvent id="Late" attachedToRef="Check"><bpmn:outgoing>F3</bpmn:outgoing>
              <bpmn:timerEventDefinition id="TL"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="Done"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:endEvent id="TooLate"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
            {Bpmn.Flow("F1", "Start", "Check")}
            {Bpmn.Flow("F2", "Check", "Done")}
            {Bpmn.Flow("F3", "Late", "TooLate")}
        """);

    private Task<WorkflowTimer> TimerOf(Guid instanceId) => app.Query(db => db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId));

    private Task<InstanceStatus> StatusOf(Guid instanceId) => app.Query(db => db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task A_timer_fires_through_its_hangfire_job_and_the_job_succeeds()
    {
        // Hangfire runs on the real clock: the application's clock is set to it for this test.
        app.Clock.Set(TimeProvider.System.GetUtcNow());
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("hangfire-timed", "PT2S"), Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Timed", "timed", planner.Id), planner);

        var started = await app.Send(new StartInstance.Command("hangfire-timed", dossier.Id), planner);

        var timer = await TimerOf(started.Id);
        timer.JobId.ShouldNotBeNull();
        app.JobState(timer.JobId).ShouldBe(ScheduledState.StateName);
        await Eventually.Until(async () => await StatusOf(started.Id) != InstanceStatus.Running, TimeSpan.FromSeconds(60), "The Hangfire job firing the timer");
        await Eventually.Until(() => Task.FromResult(app.JobState(timer.JobId) == SucceededState.StateName), TimeSpan.FromSeconds(30), "The job succeeding");

        (await StatusOf(started.Id)).ShouldBe(InstanceStatus.Completed);
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id && t.Title == "After the timer"))).ShouldBe(1);
        (await app.Query(db => db.WorkflowTimers.CountAsync(t => t.InstanceId == started.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Completing_the_task_before_its_boundary_timer_or_cancelling_the_instance_deletes_the_timers_job()
    {
        // A month ahead of the real clock: Hangfire would not fire these jobs during the test anyway.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(TaskWithDeadline("deadline"), Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Deadline", "deadline", planner.Id), planner);

        var done = await app.Send(new StartInstance.Command("deadline", dossier.Id), planner);
        var doneTimer = await TimerOf(done.Id);
        var doneJob = doneTimer.JobId!;
        var cancelled = await app.Send(new StartInstance.Command("deadline", dossier.Id), planner);
        var cancelledJob = (await TimerOf(cancelled.Id)).JobId!;
        app.JobState(doneJob).ShouldBe(ScheduledState.StateName);

        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.WorkflowInstanceId == done.Id));
        await app.Send(new CompleteTask.Command(task.Id), planner);
        await app.Send(new CancelInstance.Command(cancelled.Id, "No longer needed"), designer);

        (await StatusOf(done.Id)).ShouldBe(InstanceStatus.Completed);
        (await StatusOf(cancelled.Id)).ShouldBe(InstanceStatus.Cancelled);
        app.JobState(doneJob).ShouldBe(DeletedState.StateName);
        app.JobState(cancelledJob).ShouldBe(DeletedState.StateName);
        // A job that ran anyway (deleted too late) finds nothing to do.
        await app.RunJob<WorkflowTimerJob>(job => job.Fire(doneTimer.WaitId, done.Id, doneTimer.DueAt, CancellationToken.None));
        (await Journal.Of(app, done.Id)).ShouldNotContain(j => j.ElementId == "TooLate");
    }

    [Fact]
    public async Task Two_job_servers_on_one_database_fire_each_timer_once_when_every_timer_has_four_jobs()
    {
        // The timers are due in a month; the test's own jobs fire them, four each, all at the same moment.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("two-servers", "PT1M"), Publish: true), designer);
        var instances = new List<(Guid Dossier, Guid Instance)>();
        for (var i = 0; i < 12; i++)
        {
            var dossier = await app.Send(new CreateDossier.Command($"Two servers {i}", "two-servers", planner.Id), planner);
            instances.Add((dossier.Id, (await app.Send(new StartInstance.Command("two-servers", dossier.Id), planner)).Id));
        }
        var client = app.Services.GetRequiredService<IBackgroundJobClient>();
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var jobIds = new List<string>();
        foreach (var (_, instance) in instances)
        {
            var timer = await TimerOf(instance);
            client.Delete(timer.JobId!).ShouldBeTrue();
            for (var copy = 0; copy < 4; copy++)
                jobIds.Add(client.Schedule<WorkflowTimerJob>(job => job.Fire(timer.WaitId, instance, timer.DueAt, CancellationToken.None), fireAt));
        }
        // A second node: its own storage on the same database, and a server of its own.
        using var second = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 4, SchedulePollingInterval = TimeSpan.FromSeconds(1), Activator = app.Services.GetRequiredService<JobActivator>() },
            JobHosting.Storage(app.Services.GetRequiredService<IConfiguration>()));

        var monitoring = app.JobStorage.GetMonitoringApi();
        try
        {
            await Eventually.Until(() => Task.FromResult(jobIds.All(id => app.JobState(id) == SucceededState.StateName || app.JobState(id) == FailedState.StateName)),
                // Alone it takes seconds; CI runs every test class at once on two cores, and this once took longer than 90 s.
                TimeSpan.FromSeconds(180), "Every job running to its end");
        }
        catch (TimeoutException e)
        {
            // Which jobs did not end, and what happened to them (a failure's reason, a retry, a worker that never took it).
            var stuck = jobIds.Where(id => app.JobState(id) != SucceededState.StateName && app.JobState(id) != FailedState.StateName)
                .Select(id => $"{id}: " + string.Join(" <- ", monitoring.JobDetails(id).History.Select(h =>
                    $"{h.StateName} ({(h.Data.TryGetValue("ExceptionMessage", out var failure) ? failure : h.Reason)})")));
            throw new TimeoutException($"{e.Message} Not ended: {string.Join("; ", stuck)}", e);
        }

        foreach (var (dossier, instance) in instances)
        {
            (await StatusOf(instance)).ShouldBe(InstanceStatus.Completed);
            (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier && t.Title == "After the timer"))).ShouldBe(1, "the step after the timer ran once");
            (await Journal.Of(app, instance)).Count(j => j.ElementId == "Act" && j.Kind == JournalKind.Entered).ShouldBe(1);
        }
        // The firings that found nothing to do ended as well as the one that fired: none failed, none retried.
        var histories = jobIds.Select(id => monitoring.JobDetails(id).History).ToList();
        histories.ShouldAllBe(h => h.Count(s => s.StateName == ProcessingState.StateName) == 1);
        histories.Select(h => h.First(s => s.StateName == ProcessingState.StateName).Data["ServerId"]).Distinct().Count()
            .ShouldBe(2, "both servers fired timers");
    }
}
