using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Users;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>Service tasks run real commands; failures retry on timers and end as incidents that can be retried or skipped.</summary>
public sealed class ServiceTaskTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestUser Designer, TestUser Planner, DossierDto Dossier)> Setup(string xml)
    {
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(xml, Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Service", "service-test", planner.Id), planner);
        return (designer, planner, dossier);
    }

    private Task<WorkflowInstance> Instance(Guid id) => app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == id));

    [Fact]
    public async Task A_service_task_sends_a_real_command_and_maps_its_result()
    {
        var (_, planner, dossier) = await Setup(Bpmn.Service("make-task", "Tasks.CreateTask",
            """<wf:input target="dossierId" expression="dossierId" /><wf:input target="title" expression="'Call the insured ' + dossier.reference" /><wf:input target="assigneeId" expression="dossier.referentId" />""",
            """<wf:output target="taskId" expression="result.id" />"""));

        var started = await app.Send(new StartInstance.Command("make-task", dossier.Id), planner);

        started.Status.ShouldBe(InstanceStatus.Completed);
        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == dossier.Id));
        task.Title.ShouldBe($"Call the insured {dossier.Reference}");
        task.AssigneeId.ShouldBe(planner.Id);
        task.CreatedById.ShouldBe(CurrentUser.SystemUserId);
        (await Instance(started.Id)).ReadState().Variables["taskId"]!.GetValue<string>().ShouldBe(task.Id.ToString());
    }

    [Fact]
    public async Task A_refused_command_retries_on_a_timer_then_raises_an_incident_that_retry_resolves()
    {
        var (designer, planner, dossier) = await Setup(Bpmn.Service("assign", "Scheduling.AssignExpert",
            """<wf:input target="dossierId" expression="dossierId" /><wf:input target="expertId" expression="candidate" />""", retries: 2));
        var candidate = await app.CreateUser(Roles.Planner);

        var started = await app.Send(new StartInstance.Command("assign", dossier.Id, Variables: new() { ["candidate"] = candidate.Id.ToString() }), planner);

        var retry = (await app.Query(db => db.WorkflowTimers.Where(t => t.InstanceId == started.Id).ToListAsync())).ShouldHaveSingleItem();
        retry.DueAt.ShouldBe(app.Clock.GetUtcNow().AddMinutes(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.Send(new FireDueTimers.Command(), planner)).ShouldBe(1);
        var failed = await Instance(started.Id);
        failed.OpenIncidents.ShouldBe(1);
        var incident = failed.ReadState().Incidents.Single();
        incident.ElementId.ShouldBe("Act");
        incident.Attempts.ShouldBe(2);
        incident.Error.ShouldContain("expert");
        (await app.Query(db => db.Dossiers.Include(d => d.Participants).SingleAsync(d => d.Id == dossier.Id))).Participants.ShouldNotContain(p => p.Role == "expert");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.AddToRoleAsync((await users.FindByIdAsync(candidate.Id.ToString()))!, Roles.Expert)).Succeeded.ShouldBeTrue();
        }
        var retried = await app.Send(new RetryIncident.Command(started.Id, incident.Id), designer);

        retried.Status.ShouldBe(InstanceStatus.Completed);
        retried.OpenIncidents.ShouldBe(0);
        (await app.Query(db => db.Dossiers.Include(d => d.Participants).SingleAsync(d => d.Id == dossier.Id)))
            .Participants.ShouldContain(p => p.Role == "expert" && p.UserId == candidate.Id);
    }

    [Fact]
    public async Task Skipping_an_incident_moves_on_with_the_given_variables_and_a_failed_command_leaves_nothing_behind()
    {
        var (designer, planner, dossier) = await Setup(Bpmn.Service("cancel-missing", "Scheduling.CancelAppointment",
            """<wf:input target="appointmentId" expression="appointmentId" /><wf:input target="reason" expression="'no longer needed'" />""", retries: 1));

        var started = await app.Send(new StartInstance.Command("cancel-missing", dossier.Id, Variables: new() { ["appointmentId"] = Guid.NewGuid().ToString() }), planner);

        started.OpenIncidents.ShouldBe(1);
        var incident = (await Instance(started.Id)).ReadState().Incidents.Single();
        var skipped = await app.Send(new SkipIncident.Command(started.Id, incident.Id, new() { ["cancelled"] = false }), designer);
        skipped.Status.ShouldBe(InstanceStatus.Completed);
        (await Instance(started.Id)).ReadState().Variables["cancelled"]!.GetValue<bool>().ShouldBeFalse();
        (await Should.ThrowAsync<DomainException>(() => app.Send(new RetryIncident.Command(started.Id, incident.Id), designer))).Reason.ShouldBe("not-running");
        (await app.Query(db => db.Appointments.CountAsync(a => a.DossierId == dossier.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_timer_waits_in_the_database_and_fires_once_when_due()
    {
        var (_, planner, dossier) = await Setup(Bpmn.Timer("timed", "PT2H"));
        var started = await app.Send(new StartInstance.Command("timed", dossier.Id), planner);
        var timer = (await app.Query(db => db.WorkflowTimers.Where(t => t.InstanceId == started.Id).ToListAsync())).ShouldHaveSingleItem();
        timer.DueAt.ShouldBe(app.Clock.GetUtcNow().AddHours(2));

        app.Clock.Advance(TimeSpan.FromMinutes(119));
        (await app.Send(new FireDueTimers.Command(), planner)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.Send(new FireDueTimers.Command(), planner)).ShouldBe(1);
        (await app.Send(new FireTimer.Command(started.Id, timer.WaitId), planner)).ShouldBeFalse();

        (await Instance(started.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id && t.Title == "After the timer"))).ShouldBe(1);
        (await app.Query(db => db.WorkflowTimers.CountAsync(t => t.InstanceId == started.Id))).ShouldBe(0);
    }
}
