using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Scheduling;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>Triggers, correlation and user tasks, through the real pipeline on PostgreSQL.</summary>
public sealed class WorkflowRuntimeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestUser Designer, TestUser Planner)> Deployed(string xml, bool publish = true)
    {
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(xml, publish), designer);
        return (designer, planner);
    }

    private Task<DossierDto> Dossier(TestUser planner, string kind) =>
        app.Send(new CreateDossier.Command($"Dossier {kind}", kind, planner.Id), planner);

    private Task<List<WorkflowInstance>> InstancesOf(Guid dossierId) =>
        app.Query(db => db.WorkflowInstances.Where(i => i.DossierId == dossierId).ToListAsync());

    private Task<List<WorkTask>> TasksOf(Guid dossierId) =>
        app.Query(db => db.Tasks.Where(t => t.DossierId == dossierId).OrderBy(t => t.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_dossier_of_the_matching_kind_starts_an_instance_whose_user_task_becomes_a_task_in_the_same_transaction()
    {
        var (_, planner) = await Deployed(Bpmn.Review("review-a", "kind-a"));

        var dossier = await Dossier(planner, "kind-a");

        var instance = (await InstancesOf(dossier.Id)).ShouldHaveSingleItem();
        instance.DefinitionKey.ShouldBe("review-a");
        instance.Status.ShouldBe(InstanceStatus.Running);
        var task = (await TasksOf(dossier.Id)).ShouldHaveSingleItem();
        task.WorkflowInstanceId.ShouldBe(instance.Id);
        task.WorkflowElementId.ShouldBe("Review");
        task.AssigneeId.ShouldBe(planner.Id);
        task.FormKey.ShouldBe("expertise-report");
        instance.ReadState().Variables["referentId"]!.GetValue<string>().ShouldBe(planner.Id.ToString());
    }

    [Fact]
    public async Task Other_kinds_and_unpublished_definitions_start_nothing()
    {
        var (designer, planner) = await Deployed(Bpmn.Review("review-b", "kind-b"), publish: false);
        (await InstancesOf((await Dossier(planner, "kind-b")).Id)).ShouldBeEmpty();

        await app.Send(new PublishDefinition.Command("review-b", 1), designer);
        (await InstancesOf((await Dossier(planner, "other-kind")).Id)).ShouldBeEmpty();
        (await InstancesOf((await Dossier(planner, "kind-b")).Id)).Count.ShouldBe(1);

        await app.Send(new UnpublishDefinition.Command("review-b", 1), designer);
        (await InstancesOf((await Dossier(planner, "kind-b")).Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Completing_the_task_resumes_the_instance_with_the_submitted_data()
    {
        var (_, planner) = await Deployed(Bpmn.Review("review-c", "kind-c"));
        var dossier = await Dossier(planner, "kind-c");
        var task = (await TasksOf(dossier.Id)).Single();

        await app.Send(new CompleteTask.Command(task.Id, new System.Text.Json.Nodes.JsonObject { ["approved"] = true, ["note"] = "fine" }), planner);

        var instance = (await InstancesOf(dossier.Id)).Single();
        instance.Status.ShouldBe(InstanceStatus.Completed);
        var state = instance.ReadState();
        state.Variables["note"]!.GetValue<string>().ShouldBe("fine");
        var journal = await Journal.Of(app, instance.Id);
        journal.ShouldContain(j => j.Kind == JournalKind.Left && j.ElementId == "Review");
        journal.ShouldContain(j => j.Kind == JournalKind.Entered && j.ElementId == "Done");
        // The journal lives in its own rows; the stored state keeps only what the instance is doing.
        state.Journal.ShouldBeEmpty();
        instance.JournalLength.ShouldBe(journal.Count);
    }

    [Fact]
    public async Task A_message_resumes_only_the_instance_of_the_same_dossier()
    {
        var (_, planner) = await Deployed(Bpmn.Review("review-d", "kind-d"));
        var first = await Dossier(planner, "kind-d");
        var second = await Dossier(planner, "kind-d");
        foreach (var dossier in new[] { first, second })
            await app.Send(new CompleteTask.Command((await TasksOf(dossier.Id)).Single().Id, new() { ["approved"] = false }), planner);
        (await app.Query(db => db.WorkflowSubscriptions.CountAsync(s => s.EventType == "DossierClosed"))).ShouldBeGreaterThanOrEqualTo(2);

        await app.Send(new CloseDossier.Command(second.Id), planner);

        (await InstancesOf(first.Id)).Single().Status.ShouldBe(InstanceStatus.Running);
        (await InstancesOf(second.Id)).Single().Status.ShouldBe(InstanceStatus.Completed);
        (await app.Query(db => db.WorkflowSubscriptions.CountAsync(s => s.CorrelationKey == second.Id.ToString()))).ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_an_instance_withdraws_its_open_task()
    {
        var (designer, planner) = await Deployed(Bpmn.Review("review-e", "kind-e"));
        var dossier = await Dossier(planner, "kind-e");
        var instance = (await InstancesOf(dossier.Id)).Single();

        var summary = await app.Send(new CancelInstance.Command(instance.Id, "opened by mistake"), designer);

        summary.Status.ShouldBe(InstanceStatus.Cancelled);
        (await TasksOf(dossier.Id)).Single().Status.ShouldBe(WorkTaskStatus.Cancelled);
        await Should.ThrowAsync<Workflow.Application.Common.DomainException>(() => app.Send(new CancelInstance.Command(instance.Id, "again"), designer));
    }

    [Fact]
    public async Task A_catch_event_correlated_by_appointment_resumes_only_the_instance_waiting_for_that_appointment()
    {
        var meeting = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var xml = Bpmn.Process("wait-for-appointment", """
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:intermediateCatchEvent id="Done">
                  <bpmn:extensionElements><wf:message eventType="AppointmentDone" correlation="appointmentId" /></bpmn:extensionElements>
                  <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
                  <bpmn:messageEventDefinition id="MED1" messageRef="Msg_Done" />
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Done" />
                <bpmn:sequenceFlow id="F2" sourceRef="Done" targetRef="End" />
            """, """<bpmn:message id="Msg_Done" name="AppointmentDone" />""");
        var (_, planner) = await Deployed(xml);
        var admin = await app.CreateUser(Roles.Admin);
        await app.Send(new AddAvailabilityRange.Command(planner.Id, meeting.AddHours(-1), meeting.AddHours(4), null), planner);
        var dossier = await Dossier(planner, "correlation-by-appointment");
        var first = await app.Send(new CreateAppointment.Command(dossier.Id, "First", planner.Id, meeting, meeting.AddHours(1)), planner);
        var second = await app.Send(new CreateAppointment.Command(dossier.Id, "Second", planner.Id, meeting.AddHours(2), meeting.AddHours(3)), planner);
        var waitsForFirst = await app.Send(new StartInstance.Command("wait-for-appointment", dossier.Id, Variables: new JsonObject { ["appointmentId"] = first.Id.ToString() }), admin);
        var waitsForSecond = await app.Send(new StartInstance.Command("wait-for-appointment", dossier.Id, Variables: new JsonObject { ["appointmentId"] = second.Id.ToString() }), admin);
        var subscriptions = await app.Query(db => db.WorkflowSubscriptions.Where(s => s.EventType == "AppointmentDone" && s.InstanceId == waitsForFirst.Id).ToListAsync());
        subscriptions.ShouldHaveSingleItem().CorrelationKey.ShouldBe(first.Id.ToString());

        app.Clock.Set(meeting.AddHours(1).AddMinutes(5));
        await app.Send(new MarkAppointmentDone.Command(first.Id), planner);

        Task<WorkflowInstance> Load(Guid id) => app.Query(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id));
        (await Load(waitsForFirst.Id)).Status.ShouldBe(InstanceStatus.Completed);
        var stillWaiting = await Load(waitsForSecond.Id);
        stillWaiting.Status.ShouldBe(InstanceStatus.Running);
        stillWaiting.ReadState().Waits.ShouldHaveSingleItem().ElementId.ShouldBe("Done");

        app.Clock.Set(meeting.AddHours(3).AddMinutes(5));
        await app.Send(new MarkAppointmentDone.Command(second.Id), planner);
        (await Load(waitsForSecond.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }
}
