using Workflow.Engine.Migration;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Migration;

public class MigrationTests
{
    private readonly Harness harness = new();

    [Fact]
    public async Task Waiting_task_moves_to_its_mapped_element_and_keeps_its_wait_id()
    {
        var v1 = Fixture.Load("user-task.bpmn");
        var v2 = Fixture.Load("user-task-v2.bpmn");
        var started = await harness.Start(v1, new { referentId = "u-1" });
        var waitId = started.State.WaitOn("Plan").Id;

        var migrated = InstanceMigrator.Migrate(started.State, v1, v2, new Dictionary<string, string> { ["Plan"] = "PlanMeeting" }, harness.Clock.Now, "admin");

        migrated.Errors.ShouldBeEmpty();
        var state = migrated.State!;
        state.TokenElements().ShouldBe(["PlanMeeting"]);
        state.WaitOn("PlanMeeting").Id.ShouldBe(waitId);
        state.WaitOn("PlanMeeting").FormKey.ShouldBe("planning-v2");
        state.Version.ShouldBe(started.State.Version + 1);
        state.Journal.Last().Kind.ShouldBe(JournalKind.Migrated);
    }

    [Fact]
    public async Task Migrated_instance_continues_on_the_new_definition_without_rerunning_done_steps()
    {
        var v1 = Fixture.Load("user-task.bpmn");
        var v2 = Fixture.Load("user-task-v2.bpmn");
        var started = await harness.Start(v1, new { referentId = "u-1" });
        var migrated = InstanceMigrator.Migrate(started.State, v1, v2, new Dictionary<string, string> { ["Plan"] = "PlanMeeting" }, harness.Clock.Now).State!;

        var done = await harness.Engine.CompleteUserTaskAsync(v2, migrated, migrated.Waits[0].Id);

        harness.Commands.Requests.Single().Command.ShouldBe("Notify");
        done.State.Status.ShouldBe(InstanceStatus.Completed);
        done.State.Journal.Count(j => j.Kind == JournalKind.Entered && j.ElementId == "StartEvent_1").ShouldBe(1);
    }

    [Fact]
    public async Task Element_missing_from_the_target_is_refused_and_named()
    {
        var v1 = Fixture.Load("user-task.bpmn");
        var v2 = Fixture.Load("user-task-v2.bpmn");
        var started = await harness.Start(v1, new { referentId = "u-1" });

        var result = InstanceMigrator.Migrate(started.State, v1, v2, null, harness.Clock.Now);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Element.ShouldBe("Plan");
        result.Errors.Single().Message.ShouldContain("does not have");
    }

    [Fact]
    public async Task Waiting_user_task_cannot_become_a_service_task()
    {
        var v1 = Fixture.Load("user-task.bpmn");
        var other = Fixture.Load("user-task-incompatible.bpmn");
        var started = await harness.Start(v1, new { referentId = "u-1" });

        var errors = InstanceMigrator.Validate(started.State, v1, other);

        errors.Single().Message.ShouldContain("ServiceTask");
    }

    [Fact]
    public async Task Boundary_timer_the_target_drops_is_withdrawn()
    {
        var v1 = Fixture.Load("boundary-timers.bpmn");
        var v2 = Fixture.Load("user-task.bpmn");
        var started = await harness.Start(v1);

        var result = InstanceMigrator.Migrate(started.State, v1, v2, null, harness.Clock.Now);

        result.Errors.ShouldBeEmpty();
        result.Effects.OfType<WaitCancelled>().Select(c => c.ElementId).Order().ShouldBe(["Escalate", "Remind"]);
        result.State!.Waits.Single().ElementId.ShouldBe("Plan");
    }

    [Fact]
    public async Task Parallel_branches_inside_a_join_must_keep_their_incoming_flows()
    {
        var definition = Fixture.Load("parallel-gateway.bpmn");
        var started = await harness.Start(definition);
        var afterA = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.WaitOn("TaskA").Id);
        var target = Workflow.Engine.Reading.BpmnReader.Read(definition.Xml.Replace("Flow_4", "Flow_4b")).Definition!;

        var errors = InstanceMigrator.Validate(afterA.State, definition, target);

        errors.ShouldContain(e => e.Element == "Join" && e.Message.Contains("Flow_4"));
    }

    [Fact]
    public async Task Finished_instances_are_not_migrated()
    {
        var definition = Fixture.Load("exclusive-gateway.bpmn");
        var done = await harness.Start(definition, new { amount = 1 });

        InstanceMigrator.Validate(done.State, definition, definition).ShouldContain(e => e.Message.Contains("only running"));
    }

    [Fact]
    public async Task Timer_boundaries_the_target_adds_to_a_waiting_task_start_counting_at_migration()
    {
        var v1 = Fixture.Load("user-task.bpmn");
        var v2 = Fixture.Load("boundary-timers.bpmn");
        var started = await harness.Start(v1, new { referentId = "u-1" });
        harness.Clock.Advance(TimeSpan.FromDays(1));

        var result = InstanceMigrator.Migrate(started.State, v1, v2, null, harness.Clock.Now);

        result.Effects.OfType<TimerScheduled>().Select(t => (t.ElementId, t.DueAt)).ShouldBe(
            [("Escalate", harness.Clock.Now.AddDays(3)), ("Remind", harness.Clock.Now.AddHours(1))], ignoreOrder: true);
        result.State!.ProcessId.ShouldBe("BoundaryTimerProcess");
    }

    [Fact]
    public async Task Boundary_timer_moved_to_another_activity_is_withdrawn()
    {
        var v1 = Fixture.Load("boundary-timers.bpmn");
        var started = await harness.Start(v1);
        var moved = Workflow.Engine.Reading.BpmnReader.Read(v1.Xml.Replace(
            "<bpmn:boundaryEvent id=\"Escalate\" name=\"Three days\" attachedToRef=\"Plan\">",
            "<bpmn:boundaryEvent id=\"Escalate\" name=\"Three days\" attachedToRef=\"PlanEscalated\">")).Definition!;
        moved.Nodes["Escalate"].AttachedToRef.ShouldBe("PlanEscalated");

        var result = InstanceMigrator.Migrate(started.State, v1, moved, null, harness.Clock.Now);

        result.Effects.OfType<WaitCancelled>().Single().ElementId.ShouldBe("Escalate");
        result.State!.Waits.Select(w => w.ElementId).Order().ShouldBe(["Plan", "Remind"]);
    }
}
