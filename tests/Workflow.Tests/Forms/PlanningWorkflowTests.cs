using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Forms;

/// <summary>The shipped expertise workflow and the plan-appointment form together: the form is checked, the workflow books.</summary>
public sealed class PlanningWorkflowTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Submitting_the_workflows_planning_task_resumes_it_and_its_service_tasks_book_assign_and_invite_once()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(await File.ReadAllTextAsync(Path.Combine(Node.RepositoryRoot, "workflows/expertise.bpmn")), Publish: true), designer);
        var s = await Scenario.Create(app);
        var task = (await app.Send(new DossierTasks.Query(s.Dossier.Id), s.Planner)).ShouldHaveSingleItem();
        (task.FormKey, task.FormVersion, task.Origin).ShouldBe(("plan-appointment", 1, TaskOriginKind.Workflow));

        var stale = PlanningStepTests.Data(s, Scenario.At(12));
        await Should.ThrowAsync<FormProblemException>(() => app.Send(new SubmitTaskForm.Command(task.Id, stale), s.Planner));
        var done = await app.Send(new SubmitTaskForm.Command(task.Id, PlanningStepTests.Data(s, Scenario.At(9))), s.Planner);

        done.Status.ShouldBe(WorkTaskStatus.Completed);
        done.Data!["planning"]!["appointmentId"].ShouldBeNull();
        var booked = (await app.Query(db => db.Appointments.Where(a => a.DossierId == s.Dossier.Id).ToListAsync())).ShouldHaveSingleItem();
        (booked.Status, booked.MainUserId, booked.Start, booked.End).ShouldBe((AppointmentStatus.Planned, s.Expert.Id, Scenario.At(9), Scenario.At(10)));
        (await app.Send(new GetDossier.Query(s.Dossier.Id), s.Planner)).Participants.ShouldContain(p => p.Role == "expert" && p.UserId == s.Expert.Id);
    }
}
