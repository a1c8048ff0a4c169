using Workflow.Engine.Execution;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Execution;

public class GatewayTests
{
    private readonly Harness harness = new();

    [Theory]
    [InlineData(5000, "Big")]
    [InlineData(500, "Medium")]
    [InlineData(5, "Small")]
    public async Task Exclusive_gateway_takes_the_first_true_condition_else_the_default(int amount, string end)
    {
        var result = await harness.Start(Fixture.Load("exclusive-gateway.bpmn"), new { amount });

        result.State.Passed(end).ShouldBeTrue();
        new[] { "Big", "Medium", "Small" }.Where(e => e != end).ShouldAllBe(e => !result.State.Passed(e));
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Theory]
    [InlineData(5000, "Big")]
    [InlineData(500, "Medium")]
    [InlineData(5, "Small")]
    public async Task Conditions_may_use_the_javascript_browsers_run(int amount, string end)
    {
        // Arrow functions, destructuring, includes; a template literal, optional chaining and ??.
        var xml = Fixture.Xml("exclusive-gateway.bpmn")
            .Replace("amount &gt; 1000", "lines.some(({ total }) =&gt; total &gt; 1000) &amp;&amp; ['expertise'].includes(kind)")
            .Replace("amount &gt; 100", "`${dossier?.owner?.name ?? 'nobody'}` === 'nobody' &amp;&amp; lines[0].total &gt; 100");
        var report = DefinitionValidator.Validate(xml);
        report.Errors.ShouldBeEmpty();

        var result = await harness.Start(report.Definition!, new { kind = "expertise", dossier = new { }, lines = new[] { new { total = amount } } });

        result.State.Incidents.ShouldBeEmpty();
        result.State.Passed(end).ShouldBeTrue();
    }

    [Fact]
    public async Task Exclusive_gateway_with_no_true_condition_and_no_default_raises_an_incident()
    {
        var result = await harness.Start(Fixture.Load("exclusive-no-default.bpmn"), new { kind = "other" });

        result.State.Incidents.Single().ElementId.ShouldBe("Kind");
        result.State.Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public async Task Condition_that_throws_raises_an_incident_naming_the_flow()
    {
        var result = await harness.Start(Fixture.Load("exclusive-gateway.bpmn"));

        result.State.Incidents.Single().Error.ShouldContain("Flow_Big");
    }

    [Fact]
    public async Task Parallel_gateway_forks_and_the_join_waits_for_every_branch()
    {
        var definition = Fixture.Load("parallel-gateway.bpmn");
        var started = await harness.Start(definition);
        started.Effects.OfType<UserTaskCreated>().Select(t => t.ElementId).Order().ShouldBe(["TaskA", "TaskB"]);

        var afterA = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.WaitOn("TaskA").Id);
        afterA.State.Status.ShouldBe(InstanceStatus.Running);
        afterA.State.TokenElements().ShouldBe(["Join", "TaskB"]);
        afterA.State.Passed("EndEvent_1").ShouldBeFalse();

        var afterB = await harness.Engine.CompleteUserTaskAsync(definition, afterA.State, afterA.State.WaitOn("TaskB").Id);
        afterB.State.Status.ShouldBe(InstanceStatus.Completed);
        afterB.State.Journal.Count(j => j.Kind == JournalKind.Entered && j.ElementId == "EndEvent_1").ShouldBe(1);
    }

    [Fact]
    public async Task Event_based_gateway_waits_for_all_its_events_at_once()
    {
        var result = await harness.Start(Fixture.Load("event-based-gateway.bpmn"), new { dossierId = "d-1" });

        result.Single<MessageSubscribed>().CorrelationKey.ShouldBe("d-1");
        result.Single<TimerScheduled>().DueAt.ShouldBe(harness.Clock.Now.AddHours(1));
        result.State.TokenElements().ShouldBe(["WhatFirst"]);
    }

    [Fact]
    public async Task Event_based_gateway_message_first_withdraws_the_timer()
    {
        var definition = Fixture.Load("event-based-gateway.bpmn");
        var started = await harness.Start(definition, new { dossierId = "d-1" });

        var result = await harness.Engine.DeliverMessageAsync(definition, started.State, "AppointmentDone", "d-1", new() { ["at"] = "noon" });

        result.State.Passed("Done").ShouldBeTrue();
        result.State.Passed("TimedOut").ShouldBeFalse();
        result.Single<WaitCancelled>().WaitId.ShouldBe(started.State.WaitOn("OneHour").Id);
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Event_based_gateway_timer_first_withdraws_the_subscription()
    {
        var definition = Fixture.Load("event-based-gateway.bpmn");
        var started = await harness.Start(definition, new { dossierId = "d-1" });

        var result = await harness.Engine.FireTimerAsync(definition, started.State, started.State.WaitOn("OneHour").Id);

        result.State.Passed("TimedOut").ShouldBeTrue();
        result.Single<WaitCancelled>().Kind.ShouldBe(WaitKind.Message);
    }

    [Fact]
    public async Task A_loop_without_waits_fails_the_instance_instead_of_hanging()
    {
        var engine = new Harness(new EngineOptions { MaxStepsPerCommand = 200 });

        var result = await engine.Start(Fixture.Load("endless-loop.bpmn"));

        result.State.Status.ShouldBe(InstanceStatus.Failed);
        result.Single<InstanceEnded>().Reason!.ShouldContain("loops");
    }
}
