using System.Text.Json.Nodes;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class EventTests
{
    private readonly Harness harness = new();

    [Fact]
    public async Task Message_catch_subscribes_with_the_correlation_key_and_resumes_on_delivery()
    {
        var definition = Fixture.Load("intermediate-events.bpmn");
        var started = await harness.Start(definition, new { dossierId = "d-1" });
        var subscribed = started.Single<MessageSubscribed>();
        subscribed.EventType.ShouldBe("AppointmentDone");
        subscribed.CorrelationKey.ShouldBe("d-1");

        var result = await harness.Engine.DeliverMessageAsync(definition, started.State, "AppointmentDone", "d-1",
            new JsonObject { ["status"] = "done", ["id"] = "apt-1" });

        result.Changed.ShouldBeTrue();
        result.State.Variables["appointment"]!["id"]!.GetValue<string>().ShouldBe("apt-1");
        result.State.WaitOn("TwoHours").DueAt.ShouldBe(harness.Clock.Now.AddHours(2));
    }

    [Fact]
    public async Task Message_for_another_correlation_key_changes_nothing()
    {
        var definition = Fixture.Load("intermediate-events.bpmn");
        var started = await harness.Start(definition, new { dossierId = "d-1" });

        var result = await harness.Engine.DeliverMessageAsync(definition, started.State, "AppointmentDone", "d-2",
            new JsonObject { ["status"] = "done" });

        result.Changed.ShouldBeFalse();
        result.State.Version.ShouldBe(started.State.Version);
        result.Effects.ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_whose_condition_is_false_keeps_the_instance_waiting()
    {
        var definition = Fixture.Load("intermediate-events.bpmn");
        var started = await harness.Start(definition, new { dossierId = "d-1" });

        var result = await harness.Engine.DeliverMessageAsync(definition, started.State, "AppointmentDone", "d-1",
            new JsonObject { ["status"] = "cancelled" });

        result.Changed.ShouldBeFalse();
        result.State.WaitOn("WaitDone").ShouldNotBeNull();
    }

    [Fact]
    public async Task Timer_catch_resumes_when_fired()
    {
        var definition = Fixture.Load("intermediate-events.bpmn");
        var state = (await harness.Start(definition, new { dossierId = "d-1" })).State;
        state = (await harness.Engine.DeliverMessageAsync(definition, state, "AppointmentDone", "d-1", new() { ["status"] = "done" })).State;

        var result = await harness.Engine.FireTimerAsync(definition, state, state.WaitOn("TwoHours").Id);

        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Interrupting_boundary_timer_withdraws_the_task_and_takes_its_path()
    {
        var definition = Fixture.Load("boundary-timers.bpmn");
        var started = await harness.Start(definition);
        var task = started.State.WaitOn("Plan");
        var escalate = started.State.WaitOn("Escalate");
        escalate.DueAt.ShouldBe(harness.Clock.Now.AddDays(3));

        var result = await harness.Engine.FireTimerAsync(definition, started.State, escalate.Id);

        result.Effects.OfType<WaitCancelled>().Select(c => c.WaitId).ShouldContain(task.Id);
        result.Effects.OfType<WaitCancelled>().Select(c => c.ElementId).ShouldContain("Remind");
        result.State.WaitOn("PlanEscalated").Kind.ShouldBe(WaitKind.UserTask);
        result.State.Waits.ShouldNotContain(w => w.ElementId == "Plan");
    }

    [Fact]
    public async Task Non_interrupting_boundary_cycle_runs_its_path_and_keeps_the_task_for_each_repetition()
    {
        var definition = Fixture.Load("boundary-timers.bpmn");
        var state = (await harness.Start(definition)).State;
        var first = state.WaitOn("Remind");
        first.DueAt.ShouldBe(harness.Clock.Now.AddHours(1));

        harness.Clock.Advance(TimeSpan.FromHours(1));
        var afterFirst = await harness.Engine.FireTimerAsync(definition, state, first.Id);
        var second = afterFirst.State.WaitOn("Remind");
        second.DueAt.ShouldBe(first.DueAt!.Value.AddHours(1));
        afterFirst.State.WaitOn("Plan").ShouldNotBeNull();

        var afterSecond = await harness.Engine.FireTimerAsync(definition, afterFirst.State, second.Id);

        harness.Commands.Requests.Count(r => r.Command == "SendReminder").ShouldBe(2);
        afterSecond.State.Waits.ShouldNotContain(w => w.ElementId == "Remind");
        afterSecond.State.WaitOn("Plan").ShouldNotBeNull();
    }

    [Fact]
    public async Task Completing_the_task_withdraws_its_boundary_timers()
    {
        var definition = Fixture.Load("boundary-timers.bpmn");
        var started = await harness.Start(definition);

        var result = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.WaitOn("Plan").Id);

        result.Effects.OfType<WaitCancelled>().Select(c => c.ElementId).Order().ShouldBe(["Escalate", "Remind"]);
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Firing_a_user_task_as_a_timer_is_refused()
    {
        var definition = Fixture.Load("boundary-timers.bpmn");
        var started = await harness.Start(definition);

        var refusal = await Should.ThrowAsync<Workflow.Engine.Execution.WorkflowException>(() =>
            harness.Engine.FireTimerAsync(definition, started.State, started.State.WaitOn("Plan").Id));

        refusal.Reason.ShouldBe("wrong-wait-kind");
    }
}
