using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflow.Application.Common;
using Workflow.Application.Jobs;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public sealed class TimerStartQuartzFixture() : QuartzOnFixture("workflow-timer-starts-test");

/// <summary>Timer start events: a Quartz trigger per published version's timer start, which starts an instance without a dossier.</summary>
public sealed class TimerStartTests(TimerStartQuartzFixture app) : IClassFixture<TimerStartQuartzFixture>
{
    private static string TimerStart(string key, string kind, string text, string end = "EndTick") => Bpmn.Process(key, $"""
            <bpmn:startEvent id="Tick"><bpmn:outgoing>F1</bpmn:outgoing>
              <bpmn:timerEventDefinition id="TS"><bpmn:{kind} xsi:type="bpmn:tFormalExpression">{text}</bpmn:{kind}></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:endEvent id="{end}"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
            {Bpmn.Flow("F1", "Tick", end)}
        """);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private IScheduler Scheduler => app.Services.GetRequiredService<QuartzHostedService>().Scheduler!;

    private async Task<List<ITrigger>> Triggers(Guid definitionId)
    {
        var keys = await Scheduler.GetTriggerKeys(Quartz.Impl.Matchers.GroupMatcher<TriggerKey>.GroupEquals(WorkflowTimerStarts.Group));
        var triggers = new List<ITrigger>();
        foreach (var key in keys.Where(k => k.Name.StartsWith($"{definitionId}/", StringComparison.Ordinal)))
            triggers.Add((await Scheduler.GetTrigger(key))!);
        return triggers;
    }

    private Task<long> RowsInQrtzTriggers(Guid definitionId) => app.Query(db => db.Database.SqlQueryRaw<long>(
        "SELECT count(*) AS \"Value\" FROM qrtz_triggers WHERE trigger_group = 'workflow-timer-starts' AND trigger_name = {0}", $"{definitionId}/Tick").SingleAsync());

    /// <summary>What the job does with the trigger's data, run here rather than by Quartz.</summary>
    private async Task Fire(ITrigger trigger)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await WorkflowTimerStarts.Fire(scope.ServiceProvider.GetRequiredService<IMediator>(),
            scope.ServiceProvider.GetRequiredService<WorkflowTimerScheduler>(), trigger.JobDataMap, CancellationToken.None);
    }

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
    public async Task A_time_date_start_fires_through_quartz_and_starts_one_instance_without_a_dossier()
    {
        // Quartz runs on the real clock: the application's clock is set to it for this test.
        var now = TimeProvider.System.GetUtcNow();
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var due = now.AddSeconds(2);

        var deployed = await app.Send(new DeployDefinition.Command(TimerStart("timer-start-date", "timeDate", Iso(due)), Publish: true), designer);

        (await RowsInQrtzTriggers(deployed.Definition.Id)).ShouldBe(1);
        await Eventually.Until(async () => (await Instances(deployed.Definition.Id)).Count > 0, TimeSpan.FromSeconds(60), "The timer start trigger firing");
        await Eventually.Until(async () => await RowsInQrtzTriggers(deployed.Definition.Id) == 0, TimeSpan.FromSeconds(30), "The fired trigger going away");
        await StartedAtTick((await Instances(deployed.Definition.Id)).ShouldHaveSingleItem());
    }

    [Fact]
    public async Task A_duration_counts_from_publication_and_unpublishing_or_publishing_another_version_removes_the_trigger()
    {
        // A month ahead of the real clock: Quartz itself will not fire these triggers during the test.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var v1 = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-duration", "timeDuration", "PT1H")), designer)).Definition;
        (await Triggers(v1.Id)).ShouldBeEmpty();
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var published = await app.Send(new PublishDefinition.Command("timer-start-duration", 1), designer);

        (await RowsInQrtzTriggers(v1.Id)).ShouldBe(1);
        var trigger = (await Triggers(v1.Id)).ShouldHaveSingleItem();
        trigger.StartTimeUtc.ShouldBe(published.PublishedAt!.Value.AddHours(1));
        await Fire(trigger);
        await StartedAtTick((await Instances(v1.Id)).ShouldHaveSingleItem());

        // Publishing version 2 unpublishes version 1: its trigger goes, version 2's comes.
        var v2 = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-duration", "timeDuration", "PT2H"), Publish: true), designer)).Definition;
        v2.Version.ShouldBe(2);
        (await RowsInQrtzTriggers(v1.Id)).ShouldBe(0);
        (await RowsInQrtzTriggers(v2.Id)).ShouldBe(1);
        // A trigger of an unpublished version that fired anyway starts nothing.
        await Fire(trigger);
        (await Instances(v1.Id)).Count.ShouldBe(1);

        await app.Send(new UnpublishDefinition.Command("timer-start-duration", 2), designer);
        (await RowsInQrtzTriggers(v2.Id)).ShouldBe(0);
        (await Instances(v2.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cycle_of_two_repetitions_starts_at_most_twice()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var anchor = now.AddDays(1);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-cycle", "timeCycle", $"R2/{Iso(anchor)}/P1D"), Publish: true), designer)).Definition;

        var first = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        first.StartTimeUtc.ShouldBe(DateTimeOffset.Parse(Iso(anchor), CultureInfo.InvariantCulture));
        await Fire(first);
        (await Instances(deployed.Id)).Count.ShouldBe(1);

        var second = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        second.StartTimeUtc.ShouldBe(first.StartTimeUtc.AddDays(1));
        await Fire(second);

        (await Triggers(deployed.Id)).ShouldBeEmpty();
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(0);
        var instances = await Instances(deployed.Id);
        instances.Count.ShouldBe(2);
        foreach (var instance in instances)
            await StartedAtTick(instance);
    }

    [Fact]
    public async Task An_unbounded_cycle_keeps_its_trigger_and_an_expression_timer_start_is_refused_at_deploy()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-hourly", "timeCycle", "R/PT1H"), Publish: true), designer)).Definition;

        var first = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        first.StartTimeUtc.ShouldBe(now.AddHours(1));
        await Fire(first);
        (await Triggers(deployed.Id)).ShouldHaveSingleItem().StartTimeUtc.ShouldBe(now.AddHours(2));
        await StartedAtTick((await Instances(deployed.Id)).ShouldHaveSingleItem());
        await app.Send(new UnpublishDefinition.Command("timer-start-hourly", 1), designer);
        (await Triggers(deployed.Id)).ShouldBeEmpty();

        var refused = await Should.ThrowAsync<InvalidDefinitionException>(() =>
            app.Send(new DeployDefinition.Command(TimerStart("timer-start-expr", "timeDuration", "=dueIn")), designer));
        refused.Errors.ShouldHaveSingleItem().Element.ShouldBe("Tick");
        var invalid = await Should.ThrowAsync<InvalidDefinitionException>(() =>
            app.Send(new DeployDefinition.Command(TimerStart("timer-start-bad", "timeCycle", "every hour")), designer));
        invalid.Errors.ShouldContain(e => e.Element == "Tick");
    }

    [Fact]
    public async Task The_sweep_recreates_a_published_versions_lost_timer_start_trigger_once_and_none_for_an_unpublished_version()
    {
        // A month ahead of the real clock: Quartz itself will not fire these triggers during the test.
        app.Clock.Set(TimeProvider.System.GetUtcNow().AddDays(30));
        var designer = await app.CreateUser(Roles.Designer);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep", "timeDuration", "PT1H"), Publish: true), designer)).Definition;
        var original = (await Triggers(deployed.Id)).ShouldHaveSingleItem();

        // The crash: the publication committed, its trigger was never stored.
        (await Scheduler.UnscheduleJob(original.Key)).ShouldBeTrue();
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        (await app.Send(new RestoreTimerStartTriggers.Command(), designer)).ShouldBeGreaterThanOrEqualTo(1);
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(1);
        var restored = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        // Counted from the publication, as publishing counted it, not from the sweep.
        // (PostgreSQL keeps the publication time to the microsecond, the first trigger had it to the tick.)
        (restored.StartTimeUtc - original.StartTimeUtc).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));

        // Again: the trigger is there, so it is left alone.
        await app.Send(new RestoreTimerStartTriggers.Command(), designer);
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(1);
        (await Triggers(deployed.Id)).ShouldHaveSingleItem().StartTimeUtc.ShouldBe(restored.StartTimeUtc);

        // Once fired (a one-shot's trigger then goes away), the sweep does not bring it back.
        await Fire(restored);
        await StartedAtTick((await Instances(deployed.Id)).ShouldHaveSingleItem());
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(0);
        await app.Send(new RestoreTimerStartTriggers.Command(), designer);
        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(0);

        // An unpublished version gets none.
        var second = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep-2", "timeDuration", "PT1H"), Publish: true), designer)).Definition;
        await app.Send(new UnpublishDefinition.Command("timer-start-sweep-2", 1), designer);
        (await RowsInQrtzTriggers(second.Id)).ShouldBe(0);
        await app.Send(new RestoreTimerStartTriggers.Command(), designer);
        (await RowsInQrtzTriggers(second.Id)).ShouldBe(0);
        (await Instances(second.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_restores_a_lost_cycle_trigger_at_the_occurrence_after_those_already_started()
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(30);
        app.Clock.Set(now);
        var designer = await app.CreateUser(Roles.Designer);
        var anchor = now.AddDays(1);
        var deployed = (await app.Send(new DeployDefinition.Command(TimerStart("timer-start-sweep-cycle", "timeCycle", $"R3/{Iso(anchor)}/P1D"), Publish: true), designer)).Definition;
        var first = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        await Fire(first);
        var second = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        (await Scheduler.UnscheduleJob(second.Key)).ShouldBeTrue();

        await app.Send(new RestoreTimerStartTriggers.Command(), designer);
        await app.Send(new RestoreTimerStartTriggers.Command(), designer);

        (await RowsInQrtzTriggers(deployed.Id)).ShouldBe(1);
        var restored = (await Triggers(deployed.Id)).ShouldHaveSingleItem();
        restored.StartTimeUtc.ShouldBe(second.StartTimeUtc);
        restored.JobDataMap.GetString(WorkflowTimerStarts.RemainingKey).ShouldBe("1");
    }
}
