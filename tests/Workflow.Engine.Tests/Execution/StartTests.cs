using System.Text.Json.Nodes;
using Workflow.Engine.Execution;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class StartTests
{
    private readonly Harness harness = new();
    private readonly ProcessDefinition definition = Fixture.Load("message-start.bpmn");

    [Fact]
    public async Task Domain_event_matching_type_and_condition_starts_an_instance_with_its_payload()
    {
        var payload = new JsonObject { ["kind"] = "expertise", ["dossierId"] = "d-1", ["referentId"] = "u-1" };

        var result = await harness.Engine.StartByMessageAsync(definition, "DossierCreated", payload);

        result.ShouldNotBeNull();
        result.State.Passed("OnDossierCreated").ShouldBeTrue();
        result.Single<UserTaskCreated>().Assignee.ShouldBe("u-1");
        result.State.Text("dossierId").ShouldBe("d-1");
    }

    [Fact]
    public async Task Domain_event_failing_the_condition_starts_nothing() =>
        (await harness.Engine.StartByMessageAsync(definition, "DossierCreated", new JsonObject { ["kind"] = "follow-up" })).ShouldBeNull();

    [Fact]
    public async Task Other_event_types_start_nothing() =>
        (await harness.Engine.StartByMessageAsync(definition, "DossierClosed", new JsonObject { ["kind"] = "expertise" })).ShouldBeNull();

    [Fact]
    public void Timer_starts_are_listed_for_the_host_to_schedule()
    {
        var timer = definition.TimerStarts.Single();

        Workflow.Engine.Timing.TimerSchedule.FirstDue(timer.Timer!, harness.Clock.Now)
            .ShouldBe(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Host_starts_a_timer_start_event_by_its_id()
    {
        var result = await harness.Start(definition, new { referentId = "u-1" }, startEventId: "EveryMorning");

        result.State.Passed("EveryMorning").ShouldBeTrue();
        result.State.Passed("OnDossierCreated").ShouldBeFalse();
    }

    [Fact]
    public async Task Starting_without_a_plain_start_event_is_refused() =>
        (await Should.ThrowAsync<WorkflowException>(() => harness.Start(definition))).Reason.ShouldBe("ambiguous-start");
}
