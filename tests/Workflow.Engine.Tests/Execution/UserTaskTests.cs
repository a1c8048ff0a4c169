using System.Text.Json.Nodes;
using Workflow.Engine.Execution;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class UserTaskTests
{
    private readonly Harness harness = new();
    private readonly Workflow.Engine.Model.ProcessDefinition definition = Fixture.Load("user-task.bpmn");

    [Fact]
    public async Task Reaching_a_user_task_emits_its_creation_and_waits()
    {
        var result = await harness.Start(definition, new { referentId = "user-7" });

        var created = result.Single<UserTaskCreated>();
        created.ElementId.ShouldBe("Plan");
        created.FormKey.ShouldBe("planning");
        created.Assignee.ShouldBe("user-7");
        created.CandidateRole.ShouldBe("planner");
        created.DueAt.ShouldBe(harness.Clock.Now.AddDays(3));
        result.State.Status.ShouldBe(InstanceStatus.Running);
        result.State.WaitOn("Plan").Id.ShouldBe(created.WaitId);
    }

    [Fact]
    public async Task Completing_the_task_merges_its_data_and_moves_on()
    {
        var started = await harness.Start(definition, new { referentId = "user-7", keep = 1 });
        var waitId = started.State.WaitOn("Plan").Id;

        var done = await harness.Engine.CompleteUserTaskAsync(definition, started.State, waitId,
            new JsonObject { ["appointmentAt"] = "2026-11-24T10:00:00Z" }, new Caller("planner-1"));

        done.State.Status.ShouldBe(InstanceStatus.Completed);
        done.State.Text("appointmentAt").ShouldBe("2026-11-24T10:00:00Z");
        done.State.Variables["keep"]!.GetValue<int>().ShouldBe(1);
        done.State.Waits.ShouldBeEmpty();
        done.Single<InstanceEnded>().Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Journal_records_entered_left_actor_and_changed_variables()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var done = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.Waits[0].Id,
            new JsonObject { ["x"] = 1 }, new Caller("planner-1"));

        var journal = done.State.Journal;
        journal.ShouldContain(j => j.Kind == JournalKind.Entered && j.ElementId == "Plan" && j.At == harness.Clock.Now.AddHours(-2));
        journal.ShouldContain(j => j.Kind == JournalKind.Left && j.ElementId == "Plan" && j.Actor == "planner-1" && j.At == harness.Clock.Now);
        journal.ShouldContain(j => j.Kind == JournalKind.VariablesChanged && j.Variables!["x"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task Commands_never_change_the_state_they_are_given()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var before = started.State.ToJson();

        await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.Waits[0].Id, new JsonObject { ["x"] = 1 });

        started.State.ToJson().ShouldBe(before);
    }

    [Fact]
    public async Task Every_change_increments_the_version()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var done = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.Waits[0].Id);

        started.State.Version.ShouldBe(1);
        done.State.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Completing_an_unknown_task_is_refused()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });

        var refusal = await Should.ThrowAsync<WorkflowException>(() =>
            harness.Engine.CompleteUserTaskAsync(definition, started.State, Guid.NewGuid()));

        refusal.Reason.ShouldBe("unknown-wait");
    }

    [Fact]
    public async Task Completing_the_same_task_twice_is_refused()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var waitId = started.State.Waits[0].Id;
        var done = await harness.Engine.CompleteUserTaskAsync(definition, started.State, waitId);

        var refusal = await Should.ThrowAsync<WorkflowException>(() =>
            harness.Engine.CompleteUserTaskAsync(definition, done.State, waitId));

        refusal.Reason.ShouldBe("not-running");
    }

    [Fact]
    public async Task Assignee_expression_that_fails_raises_an_incident()
    {
        var result = await harness.Start(definition, new { });

        result.State.Incidents.Single().ElementId.ShouldBe("Plan");
        result.Single<IncidentRaised>().Error.ShouldContain("referentId");
        result.State.Waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task State_round_trips_through_json()
    {
        var started = await harness.Start(definition, new { referentId = "user-7", nested = new { a = new[] { 1, 2 } } });

        var json = started.State.ToJson();
        var back = InstanceState.FromJson(json);

        back.ToJson().ShouldBe(json);
        back.Waits.Single().Kind.ShouldBe(WaitKind.UserTask);
        json.ShouldContain("\"kind\":\"user-task\"");
    }

    [Fact]
    public async Task State_says_its_format_and_a_state_stored_before_formats_existed_still_reads()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var json = started.State.ToJson();
        json.ShouldStartWith("{\"format\":1,");

        // As the first release stored it: no format.
        var old = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        old.Remove("format");
        var back = InstanceState.FromJson(old.ToJsonString());

        back.Format.ShouldBe(InstanceState.CurrentFormat);
        back.Waits.Single().ElementId.ShouldBe("Plan");
    }

    [Fact]
    public async Task A_state_from_a_newer_engine_is_refused_rather_than_misread()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var newer = started.State.ToJson().Replace("{\"format\":1,", $"{{\"format\":{InstanceState.CurrentFormat + 1},");

        Should.Throw<NotSupportedException>(() => InstanceState.FromJson(newer)).Message.ShouldContain("newer than this engine");
    }

    [Fact]
    public async Task Cancel_ends_the_instance_and_withdraws_its_tasks()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });

        var cancelled = await harness.Engine.CancelAsync(definition, started.State, "dossier closed");

        cancelled.State.Status.ShouldBe(InstanceStatus.Cancelled);
        cancelled.State.Tokens.ShouldBeEmpty();
        cancelled.Single<WaitCancelled>().WaitId.ShouldBe(started.State.Waits[0].Id);
        cancelled.Single<InstanceEnded>().Reason.ShouldBe("dossier closed");
    }

    [Fact]
    public async Task State_paired_with_the_wrong_version_is_refused_with_a_reason()
    {
        var started = await harness.Start(definition, new { referentId = "user-7" });
        var otherVersion = Workflow.Engine.Reading.BpmnReader.Read(definition.Xml.Replace("\"Plan\"", "\"Planning\"")).Definition!;

        var refusal = await Should.ThrowAsync<WorkflowException>(() =>
            harness.Engine.CompleteUserTaskAsync(otherVersion, started.State, started.State.Waits[0].Id));

        refusal.Reason.ShouldBe("definition-mismatch");
    }
}
