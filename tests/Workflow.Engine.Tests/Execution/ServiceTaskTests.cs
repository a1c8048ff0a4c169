using System.Text.Json.Nodes;
using Workflow.Engine.Execution;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class ServiceTaskTests
{
    private readonly Harness harness = new();
    private readonly Workflow.Engine.Model.ProcessDefinition definition = Fixture.Load("service-task.bpmn");

    [Fact]
    public async Task Command_runs_with_mapped_inputs_and_its_result_is_mapped_back()
    {
        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-1" }));

        var result = await harness.Start(definition, new { dossierId = "d-1" });

        var request = harness.Commands.Requests.Single();
        request.Command.ShouldBe("BookAppointment");
        request.Input.ToJsonString().ShouldBe("""{"dossierId":"d-1","slot":"morning"}""");
        request.Attempt.ShouldBe(1);
        result.State.Text("appointmentId").ShouldBe("apt-1");
        result.State.Passed("Booked").ShouldBeTrue();
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Failure_schedules_a_retry_with_growing_back_off()
    {
        harness.Commands.Then(CommandOutcome.Failure("database down")).Then(CommandOutcome.Failure("still down"));

        var first = await harness.Start(definition, new { dossierId = "d-1" });
        var retry = first.State.WaitOn("Book");
        retry.Kind.ShouldBe(WaitKind.Retry);
        retry.DueAt.ShouldBe(harness.Clock.Now.AddSeconds(10));
        first.Single<TimerScheduled>().WaitId.ShouldBe(retry.Id);

        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        var second = await harness.Engine.FireTimerAsync(definition, first.State, retry.Id);

        second.State.WaitOn("Book").DueAt.ShouldBe(harness.Clock.Now.AddSeconds(20));
        harness.Commands.Requests.Select(r => r.Attempt).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task After_the_last_attempt_an_incident_is_recorded()
    {
        harness.Commands.Then(CommandOutcome.Failure("1")).Then(CommandOutcome.Failure("2")).Then(CommandOutcome.Failure("3"));

        var state = (await harness.Start(definition, new { dossierId = "d-1" })).State;
        state = (await harness.Engine.FireTimerAsync(definition, state, state.Waits[0].Id)).State;
        var last = await harness.Engine.FireTimerAsync(definition, state, state.Waits[0].Id);

        var incident = last.State.Incidents.Single();
        incident.ElementId.ShouldBe("Book");
        incident.Attempts.ShouldBe(3);
        incident.Error.ShouldBe("3");
        last.Single<IncidentRaised>().IncidentId.ShouldBe(incident.Id);
        last.State.Waits.ShouldBeEmpty();
        last.State.Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public async Task A_throwing_handler_counts_as_a_failure()
    {
        harness.Commands.ThenThrow(new InvalidOperationException("boom"));

        var result = await harness.Start(definition, new { dossierId = "d-1" });

        result.State.WaitOn("Book").Kind.ShouldBe(WaitKind.Retry);
        result.State.Journal.ShouldContain(j => j.Kind == JournalKind.Error && j.Message!.Contains("boom"));
    }

    [Fact]
    public async Task Retrying_an_incident_runs_the_command_again()
    {
        var state = await WithIncident();
        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-9" }));

        var retried = await harness.Engine.RetryIncidentAsync(definition, state, state.Incidents[0].Id);

        retried.State.Incidents.ShouldBeEmpty();
        retried.State.Text("appointmentId").ShouldBe("apt-9");
        retried.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Skipping_an_incident_moves_on_with_the_given_variables()
    {
        var state = await WithIncident();
        var callsBefore = harness.Commands.Requests.Count;

        var skipped = await harness.Engine.SkipIncidentAsync(definition, state, state.Incidents[0].Id, new JsonObject { ["appointmentId"] = "manual" });

        harness.Commands.Requests.Count.ShouldBe(callsBefore);
        skipped.State.Text("appointmentId").ShouldBe("manual");
        skipped.State.Status.ShouldBe(InstanceStatus.Completed);
        skipped.State.Journal.ShouldContain(j => j.Kind == JournalKind.IncidentResolved && j.Message == "skipped");
    }

    [Fact]
    public async Task Business_error_is_caught_by_the_matching_boundary_event()
    {
        harness.Commands.Then(CommandOutcome.BusinessError("BOOKING_REFUSED", "no slot"));

        var result = await harness.Start(definition, new { dossierId = "d-1" });

        result.State.Passed("Refused").ShouldBeTrue();
        result.State.WaitOn("HandleRefusal").Kind.ShouldBe(WaitKind.UserTask);
        result.State.Passed("Booked").ShouldBeFalse();
        harness.Commands.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Business_error_nobody_catches_goes_through_the_retry_policy()
    {
        harness.Commands.Then(CommandOutcome.BusinessError("OTHER"));

        var result = await harness.Start(definition, new { dossierId = "d-1" });

        result.State.WaitOn("Book").Kind.ShouldBe(WaitKind.Retry);
    }

    [Fact]
    public async Task Output_mapping_that_fails_raises_an_incident()
    {
        harness.Commands.Then(CommandOutcome.Success(null));

        var result = await harness.Start(definition, new { dossierId = "d-1" });

        result.State.Incidents.Single().Error.ShouldContain("output 'appointmentId'");
    }

    private async Task<InstanceState> WithIncident()
    {
        harness.Commands.Then(CommandOutcome.Failure("1")).Then(CommandOutcome.Failure("2")).Then(CommandOutcome.Failure("3"));
        var state = (await harness.Start(definition, new { dossierId = "d-1" })).State;
        state = (await harness.Engine.FireTimerAsync(definition, state, state.Waits[0].Id)).State;
        return (await harness.Engine.FireTimerAsync(definition, state, state.Waits[0].Id)).State;
    }
}
