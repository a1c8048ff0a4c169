using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Engine.Validation;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>The application as shipped: the files in workflows/ are deployed and published at start-up.</summary>
public sealed class ShippedWorkflowsFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Workflows:DeployOnStartup", "true");
        web.UseSetting("Workflows:Path", Path.Combine(Node.RepositoryRoot, "workflows"));
    }
}

public sealed class ExpertiseWorkflowTests(ShippedWorkflowsFixture app) : IClassFixture<ShippedWorkflowsFixture>
{
    [Theory]
    [InlineData("expertise.bpmn")]
    [InlineData("follow-up.bpmn")]
    public void The_shipped_files_name_only_commands_and_forms_the_application_has(string file)
    {
        var report = DefinitionValidator.Validate(File.ReadAllText(Path.Combine(Node.RepositoryRoot, "workflows", file)), WorkflowCatalogue.Catalogue);
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Both_are_published_at_start_up()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var list = await app.Send(new ListDefinitions.Query(), admin);
        list.Where(d => d.PublishedVersion == 1).Select(d => d.Key).ShouldBe(["expertise", "follow-up"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_expertise_dossier_is_planned_booked_assigned_done_and_reported()
    {
        var s = await Scenario.Create(app);
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == s.Dossier.Id));
        instance.DefinitionKey.ShouldBe("expertise");
        var planning = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == s.Dossier.Id));
        (planning.WorkflowElementId, planning.FormKey, planning.CandidateRole).ShouldBe(("PlanAppointment", "plan-appointment", Roles.Planner));
        (await app.Query(db => db.WorkflowTimers.CountAsync(t => t.InstanceId == instance.Id))).ShouldBe(1, "the escalation timer");

        await app.Send(new CompleteTask.Command(planning.Id, new JsonObject
        {
            ["planning"] = new JsonObject { ["expertId"] = s.Expert.Id.ToString(), ["start"] = "2026-11-23T09:00:00Z", ["end"] = "2026-11-23T10:00:00Z" },
        }), s.Planner);

        var appointment = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == s.Dossier.Id));
        (appointment.Status, appointment.MainUserId, appointment.Start).ShouldBe((AppointmentStatus.Planned, s.Expert.Id, Scenario.At(9)));
        var dossier = await app.Query(db => db.Dossiers.Include(d => d.Participants).SingleAsync(d => d.Id == s.Dossier.Id));
        dossier.Participants.ShouldContain(p => p.Role == "expert" && p.UserId == s.Expert.Id);
        var waiting = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id));
        waiting.ReadState().Waits.Select(w => w.ElementId).ShouldBe(["AppointmentDone", "AppointmentCancelled"], ignoreOrder: true);
        (await app.Query(db => db.WorkflowTimers.CountAsync(t => t.InstanceId == instance.Id))).ShouldBe(0, "planning on time withdraws the escalation");

        app.Clock.Set(Scenario.At(10, 5));
        await app.Send(new MarkAppointmentDone.Command(appointment.Id), s.Planner);

        var report = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == s.Dossier.Id && t.WorkflowElementId == "WriteReport"));
        (report.AssigneeId, report.FormKey, report.Status).ShouldBe((s.Expert.Id, "expertise-report", WorkTaskStatus.Open));
        await app.Send(new CompleteTask.Command(report.Id, new JsonObject { ["summary"] = "Water damage confirmed" }), s.Expert);
        var finished = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id));
        finished.Status.ShouldBe(InstanceStatus.Completed);
        (await Journal.Of(app, finished.Id)).Where(j => j.Kind == JournalKind.Entered).Select(j => j.ElementId).ShouldBe(
            ["ExpertiseDossierCreated", "ToPlanning", "PlanAppointment", "Planned", "BookAppointment", "AssignExpert", "SendInvitations",
             "AppointmentOutcome", "AppointmentDone", "WriteReport", "ReportWritten"]);
        (await app.Query(db => db.Appointments.CountAsync(a => a.DossierId == s.Dossier.Id))).ShouldBe(1, "no step ran twice");
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_sends_the_planner_back_to_planning_without_a_half_booking()
    {
        var s = await Scenario.Create(app);
        var other = await app.Send(new CreateDossier.Command("Other", "other", s.Planner.Id), s.Planner);
        await app.Send(new CreateAppointment.Command(other.Id, "Taken", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var planning = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == s.Dossier.Id));

        await app.Send(new CompleteTask.Command(planning.Id, new JsonObject
        {
            ["planning"] = new JsonObject { ["expertId"] = s.Expert.Id.ToString(), ["start"] = "2026-11-23T09:30:00Z", ["end"] = "2026-11-23T10:30:00Z" },
        }), s.Planner);

        (await app.Query(db => db.Appointments.CountAsync(a => a.DossierId == s.Dossier.Id))).ShouldBe(0);
        var tasks = await app.Query(db => db.Tasks.Where(t => t.DossierId == s.Dossier.Id).OrderBy(t => t.CreatedAt).ToListAsync());
        tasks.Select(t => (t.WorkflowElementId, t.Status)).ShouldBe([("PlanAppointment", WorkTaskStatus.Completed), ("PlanAppointment", WorkTaskStatus.Open)]);
    }
}
