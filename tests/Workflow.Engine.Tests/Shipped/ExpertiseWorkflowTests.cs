using System.Text.Json.Nodes;
using Workflow.Engine.Execution;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Shipped;

public class ExpertiseWorkflowTests
{
    private readonly Harness harness = new();
    private readonly ProcessDefinition definition = ShippedWorkflowTests.Load("expertise.bpmn");

    private static readonly JsonObject Planning = new()
    {
        ["planning"] = new JsonObject
        {
            ["expertId"] = "expert-1", ["start"] = "2026-11-30T10:00:00Z", ["end"] = "2026-11-30T11:30:00Z",
            ["locationId"] = "office-1", ["participantIds"] = new JsonArray("person-1"),
        },
    };

    private async Task<EngineResult> Created(string kind = "expertise") =>
        (await harness.Engine.StartByMessageAsync(definition, "DossierCreated",
            new JsonObject { ["kind"] = kind, ["dossierId"] = "d-1", ["referentId"] = "referent-1" }))!;

    private Task<EngineResult> Plan(InstanceState state, string task = "PlanAppointment") =>
        harness.Engine.CompleteUserTaskAsync(definition, state, state.WaitOn(task).Id, (JsonObject)Planning.DeepClone(), new Caller("planner-1"));

    [Fact]
    public async Task Follow_up_dossiers_do_not_start_it() =>
        (await harness.Engine.StartByMessageAsync(definition, "DossierCreated", new JsonObject { ["kind"] = "follow-up" })).ShouldBeNull();

    [Fact]
    public async Task New_expertise_dossier_gets_a_planning_task_for_planners_due_in_three_working_days()
    {
        harness.Clock.Advance(TimeSpan.FromDays(4)); // Friday 27 November 2026

        var created = (await Created()).Single<UserTaskCreated>();

        created.FormKey.ShouldBe("plan-appointment");
        created.CandidateRole.ShouldBe("planner");
        created.DueAt.ShouldBe(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Planning_books_assigns_invites_then_waits_for_the_appointment()
    {
        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-1" }));

        var planned = await Plan((await Created()).State);

        harness.Commands.Requests.Select(r => r.Command).ShouldBe(["Scheduling.BookAppointment", "Scheduling.AssignExpert", "Scheduling.SetAppointmentParties"]);
        harness.Commands.Requests[0].Input["mainUserId"]!.GetValue<string>().ShouldBe("expert-1");
        harness.Commands.Requests[1].Input.ToJsonString().ShouldBe("""{"dossierId":"d-1","expertId":"expert-1"}""");
        planned.Effects.OfType<MessageSubscribed>().Select(m => (m.EventType, m.CorrelationKey))
            .ShouldBe([("AppointmentDone", "d-1"), ("AppointmentCancelled", "d-1")], ignoreOrder: true);
    }

    [Fact]
    public async Task Cancelled_appointment_goes_back_to_planning_and_done_leads_to_the_report()
    {
        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-1" }));
        var planned = await Plan((await Created()).State);
        var cancelled = await harness.Engine.DeliverMessageAsync(definition, planned.State, "AppointmentCancelled", "d-1", new() { ["appointmentId"] = "apt-1" });
        cancelled.State.WaitOn("PlanAppointment").ShouldNotBeNull();

        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-2" }));
        var replanned = await Plan(cancelled.State);
        var stale = await harness.Engine.DeliverMessageAsync(definition, replanned.State, "AppointmentDone", "d-1", new() { ["appointmentId"] = "apt-1" });
        stale.Changed.ShouldBeFalse();
        var done = await harness.Engine.DeliverMessageAsync(definition, replanned.State, "AppointmentDone", "d-1", new() { ["appointmentId"] = "apt-2" });

        var report = done.Single<UserTaskCreated>();
        report.FormKey.ShouldBe("expertise-report");
        report.Assignee.ShouldBe("expert-1");
        var finished = await harness.Engine.CompleteUserTaskAsync(definition, done.State, report.WaitId, new() { ["report"] = "ok" });
        finished.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Planning_not_done_within_three_working_days_escalates_to_the_referent()
    {
        var created = await Created();
        created.State.WaitOn("PlanningLate").DueAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        harness.Clock.Advance(TimeSpan.FromDays(3));
        var escalated = await harness.Engine.FireTimerAsync(definition, created.State, created.State.WaitOn("PlanningLate").Id);

        escalated.Effects.OfType<WaitCancelled>().ShouldContain(c => c.ElementId == "PlanAppointment");
        escalated.Single<UserTaskCreated>().Assignee.ShouldBe("referent-1");
        harness.Commands.Then(CommandOutcome.Success(new JsonObject { ["id"] = "apt-1" }));
        var planned = await Plan(escalated.State, "PlanAppointmentEscalated");
        planned.State.Waits.Count(w => w.Kind == WaitKind.Message).ShouldBe(2);
    }

    [Fact]
    public async Task Slot_taken_meanwhile_sends_the_planner_back_to_planning()
    {
        harness.Commands.Then(CommandOutcome.BusinessError("overlap", "the expert is busy"));

        var refused = await Plan((await Created()).State);

        refused.State.WaitOn("PlanAppointment").ShouldNotBeNull();
        harness.Commands.Requests.Count.ShouldBe(1);
    }
}
