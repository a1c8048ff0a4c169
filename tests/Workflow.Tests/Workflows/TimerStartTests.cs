using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public sealed class TimerStartFixture : JobServerFixture;

/// <summary>
/// Timer start events: a row per published version's timer start event holds its next occurrence, and a Hangfire
/// job fires it, starting an instance without a dossier.
/// </summary>
public sealed class TimerStartTests(TimerStartFixture app) : IClassFixture<TimerStartFixture>
{
    private static string TimerStart(string key, string kind, string text, string end = "EndTick") => Bpmn.Process(key, $"""
            <bpmn:startEvent id="Tick"><bpmn:outgoing>F1</bpmn:outgoing>
              <bpmn:timerEventDefinition id="TS"><bpmn:{kind} xsi:type="bpmn:tFormalExpression">{text}</bpmn:{kind}></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:endEvent id="{end}"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
            {Bpmn.Flow("F1", "Tick", end)}
        """);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private Task<List<WorkflowTimerStart>> Timers(Guid definitionId) =>
        app.Query(db => db.WorkflowTimerStarts.AsNoTracking().Where(t => t.DefinitionId == definitionId).ToListAsync());

    /// <summary>The timer's only row, with its Hangfire job scheduled at its due time.</summary>
    private async Task<WorkflowTimerStart> Scheduled(Guid definitionId)
    {
        var timer = (await Timers(definitionId)).ShouldHaveSingleItem();
        timer.JobId.ShouldNotBeNull("the job's id is kept on the row");
        app.JobState(timer.JobId).ShouldBe(ScheduledState.StateName);
        using var connection = app.JobStorage.GetConnection();
        var enqueueAt = connection.GetStateData(timer.JobId).Data["EnqueueAt"];
        JobHelper.DeserializeDateTime(enqueueAt).ShouldBe(timer.DueAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        return timer;
    }

    /// <summary>What the timer's job does, run here rather than by Hangfire.</summary>
    private Task Fire(WorkflowTimerStart timer) => app.RunJob<WorkflowTimerJob>(job => job.Fire(timer.Id, null, timer.DueAt, CancellationToken.None));

    private Task<List<WorkflowInstance>> Instances(Guid definitionId) =>
        app.Query(db => db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == definitionId).ToListAsync());

    private async Task StartedAtTick(WorkflowInstance instance)
    {
        instance.DossierId.ShouldBeNull();
        instance.Status.ShouldBe(InstanceStatus.Completed);
        var journal = await Journal.Of(app, instance.Id);
        journal.ShouldContain(j => j.ElementId == "Tick");
        journal.ShouldContain(j => j.ElementId == "EndTick");
    }

    [Fact]
    public async Task A_time_date_start_fires_through_its_hangfire_job_and_starts_one_instance_without_a_dossier()
    {
        // Hangfire runs on the real clock: the application's clock is set to it for this test.
        var now = TimeProvider.System.GetUtcNow();
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var due = now.AddSeconds(3);

        var deployed = await app.Send(new DeployDefinition.Command(TimerStart("timer-start-date", "timeDate", Iso(due)), Publish: true), designer);

        var timer = (await Timers(deployed.Definition.Id)).ShouldHaveSingleItem();
        timer.JobId.ShouldNotBeNull();
        await Eventually.Until(async () => (await Instances(deployed.Definition.Id)).Count > 0, TimeSpan.FromSeconds(60), "The timer start's job firing");
        await Eventually.Until(() => Task.FromResult(app.JobState(timer.JobId!) == SucceededState.StateName), TimeSpan.FromSeconds(30), "The job succeeding");
        (await Timers(deployed.Definition.Id)).ShouldBeEmpty("a date fires once");
        await StartedAtTick((await Instances(deployed.Definition.Id)).ShouldHaveSingleItem());
    }

    [Fact]
    public async Task A_duration_counts_from_publication_and_unpublishing_or_publishing_another_version_removes_the_timer_and_its_job()
    {
        // A month ahead of the real clock: Hangfire itself will not fire these jobs during the test.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var v1 = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-duration", "timeDuration", "PT1H")), designer)).Definition;
        (await Timers(v1.Id)).ShouldBeEmpty("a draft has none");
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var published = await app.Send(new PublishDefinition.Command("timer-start-duration", 1), designer);

        var timer = await Scheduled(v1.Id);
        timer.DueAt.ShouldBe(published.PublishedAt!.Value.AddHours(1), TimeSpan.FromMilliseconds(1));
        await Fire(timer);
        await StartedAtTick((await Instances(v1.Id)).ShouldHaveSingleItem());
        (await Timers(v1.Id)).ShouldBeEmpty();

        // Publishing version 2 unpublishes version 1: version 2's timer comes.
        var v2 = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-duration", "timeDuration", "PT2H"), Publish: true), designer)).Definition;
        v2.Version.ShouldBe(2);
        var second = await Scheduled(v2.Id);
        // The job of a spent occurrence run again starts nothing.
        await Fire(timer);
        (await Instances(v1.Id)).Count.ShouldBe(1);

        await app.Send(new UnpublishDefinition.Command("timer-start-duration", 2), designer);
        (await Timers(v2.Id)).ShouldBeEmpty();
        app.JobState(second.JobId!).ShouldBe(DeletedState.StateName, "unpublishing deletes the job");
        await Fire(second);
        (await Instances(v2.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cycle_of_two_repetitions_starts_at_most_twice_and_each_occurrence_once()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var anchor = now.AddDays(1);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-cycle", "timeCycle", $"R2/{Iso(anchor)}/P1D"), Publish: true), designer)).Definition;

        var first = await Scheduled(deployed.Id);
        first.DueAt.ShouldBe(DateTimeOffset.Parse(Iso(anchor), CultureInfo.InvariantCulture));
        first.Remaining.ShouldBe(1);
        await Fire(first);
        await Fire(first);
        (await Instances(deployed.Id)).Count.ShouldBe(1, "an occurrence fired twice starts one instance");

        var second = await Scheduled(deployed.Id);
        second.DueAt.ShouldBe(first.DueAt.AddDays(1));
        second.Remaining.ShouldBe(0);
        await Fire(second);

        (await Timers(deployed.Id)).ShouldBeEmpty();
        var instances = await Instances(deployed.Id);
        instances.Count.ShouldBe(2);
        foreach (var instance in instances)
            await StartedAtTick(instance);
    }

    [Fact]
    public async Task An_unbounded_cycle_keeps_its_timer_and_an_expression_timer_start_is_refused_at_deploy()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-hourly", "timeCycle", "R/PT1H"), Publish: true), designer)).Definition;

        var first = await Scheduled(deployed.Id);
        first.DueAt.ShouldBe(now.AddHours(1), TimeSpan.FromMilliseconds(1));
        first.Remaining.ShouldBeNull();
        await Fire(first);
        (await Scheduled(deployed.Id)).DueAt.ShouldBe(first.DueAt.AddHours(1));
        await StartedAtTick((await Instances(deployed.Id)).ShouldHaveSingleItem());
        await app.Send(new UnpublishDefinition.Command("timer-start-hourly", 1), designer);
        (await Timers(deployed.Id)).ShouldBeEmpty();

        var refused = await Should.ThrowAsync<InvalidDefinitionException>(() =>
            app.Send(new DeployDefinition.Command(TimerStart("timer-start-expr", "timeDuration", "=dueIn")), designer));
        refused.Errors.ShouldHaveSingleItem().Element.ShouldBe("Tick");
        var invalid = await Should.ThrowAsync<InvalidDefinitionException>(() =>
            app.Send(new DeployDefinition.Command(TimerStart("timer-start-bad", "timeCycle", "every hour")), designer));
        invalid.Errors.ShouldContain(e => e.Element == "Tick");
    }

    [Fact]
    public async Task The_sweep_fires_an_occurrence_whose_job_was_lost_once()
    {
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-lost-job", "timeDuration", "PT1H"), Publish: true), designer)).Definition;
        var timer = await Scheduled(deployed.Id);
        // The crash: the publication committed, its job was never stored.
        app.Services.GetRequiredService<IBackgroundJobClient>().Delete(timer.JobId!).ShouldBeTrue();
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        (await app.Send(new FireDueTimers.Command(), designer)).ShouldBe(0, "not due yet");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.Send(new FireDueTimers.Command(), designer)).ShouldBe(1);
        (await app.Send(new FireDueTimers.Command(), designer)).ShouldBe(0);

        await StartedAtTick((await Instances(deployed.Id)).ShouldHaveSingleItem());
        (await Timers(deployed.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_gives_a_published_version_without_its_timer_row_the_next_occurrence_once_and_none_to_a_spent_or_unpublished_one()
    {
        // A version published before the rows existed (Quartz kept triggers then) has none.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep", "timeDuration", "PT1H"), Publish: true), designer)).Definition;
        var original = await Scheduled(deployed.Id);
        await app.Query(db => db.WorkflowTimerStarts.Where(t => t.DefinitionId == deployed.Id).ExecuteDeleteAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        (await app.Send(new RestoreTimerStarts.Command(), designer)).ShouldBe(1);
        var restored = await Scheduled(deployed.Id);
        // Counted from the publication, as publishing counted it, not from the sweep.
        restored.DueAt.ShouldBe(original.DueAt, TimeSpan.FromMilliseconds(1));

        // Again: the row is there, so it is left alone.
        (await app.Send(new RestoreTimerStarts.Command(), designer)).ShouldBe(0);
        (await Scheduled(deployed.Id)).Id.ShouldBe(restored.Id);

        // Once fired, the spent timer does not come back.
        await Fire(restored);
        await StartedAtTick((await Instances(deployed.Id)).ShouldHaveSingleItem());
        (await app.Send(new RestoreTimerStarts.Command(), designer)).ShouldBe(0);
        (await Timers(deployed.Id)).ShouldBeEmpty();

        // An unpublished version gets none.
        var second = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep-2", "timeDuration", "PT1H"), Publish: true), designer)).Definition;
        await app.Send(new UnpublishDefinition.Command("timer-start-sweep-2", 1), designer);
        (await app.Send(new RestoreTimerStarts.Command(), designer)).ShouldBe(0);
        (await Timers(second.Id)).ShouldBeEmpty();
        (await Instances(second.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_restores_a_cycle_at_the_occurrence_after_those_already_started()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var anchor = now.AddDays(1);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep-cycle", "timeCycle", $"R3/{Iso(anchor)}/P1D"), Publish: true), designer)).Definition;
        await Fire(await Scheduled(deployed.Id));
        var second = await Scheduled(deployed.Id);
        await app.Query(db => db.WorkflowTimerStarts.Where(t => t.DefinitionId == deployed.Id).ExecuteDeleteAsync());

        await app.Send(new RestoreTimerStarts.Command(), designer);
        await app.Send(new RestoreTimerStarts.Command(), designer);

        var restored = await Scheduled(deployed.Id);
        restored.DueAt.ShouldBe(second.DueAt);
        restored.Remaining.ShouldBe(1);
    }
}
