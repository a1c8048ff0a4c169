using System.Text.Json.Nodes;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Shipped;

public class FollowUpWorkflowTests
{
    private readonly Harness harness = new();
    private readonly ProcessDefinition definition = ShippedWorkflowTests.Load("follow-up.bpmn");

    [Fact]
    public async Task Referent_plans_a_first_meeting_and_participants_are_reminded_the_day_before()
    {
        var created = (await harness.Engine.StartByMessageAsync(definition, "DossierCreated",
            new JsonObject { ["kind"] = "follow-up", ["dossierId"] = "d-9", ["referentId"] = "referent-2" }))!;
        var task = created.Single<UserTaskCreated>();
        task.Assignee.ShouldBe("referent-2");
        task.FormKey.ShouldBe("first-meeting");
        harness.Commands.Then(Workflow.Engine.Execution.CommandOutcome.Success(new JsonObject { ["id"] = "apt-7" }));

        var planned = await harness.Engine.CompleteUserTaskAsync(definition, created.State, task.WaitId,
            new JsonObject { ["planning"] = new JsonObject { ["start"] = "2026-11-30T10:00:00Z", ["end"] = "2026-11-30T11:00:00Z" } });
        var reminder = planned.State.WaitOn("DayBefore");
        reminder.DueAt.ShouldBe(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

        var reminded = await harness.Engine.FireTimerAsync(definition, planned.State, reminder.Id);
        harness.Commands.Requests.Last().Command.ShouldBe("Notifications.SendReminder");
        var held = await harness.Engine.DeliverMessageAsync(definition, reminded.State, "AppointmentDone", "d-9", new() { ["appointmentId"] = "apt-7" });

        held.State.Status.ShouldBe(InstanceStatus.Completed);
    }
}
