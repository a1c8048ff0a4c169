using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public sealed class WorkflowQuartzFixture() : QuartzOnFixture("workflow-timers-test");

/// <summary>One real round trip: a workflow timer becomes a one-shot trigger in Quartz's PostgreSQL store, and its job moves the instance.</summary>
public sealed class QuartzTimerTests(WorkflowQuartzFixture app) : IClassFixture<WorkflowQuartzFixture>
{
    [Fact]
    public async Task A_timer_fires_through_a_quartz_trigger_and_the_trigger_is_gone_afterwards()
    {
        // Quartz runs on the real clock: the application's clock is set to it for this test.
        app.Clock.Set(TimeProvider.System.GetUtcNow());
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("quartz-timed", "PT3S"), Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Timed", "timed", planner.Id), planner);

        var started = await app.Send(new StartInstance.Command("quartz-timed", dossier.Id), planner);

        var waitId = (await app.Query(db => db.WorkflowTimers.SingleAsync(t => t.InstanceId == started.Id))).WaitId;
        var triggers = await app.Query(db => db.Database.SqlQueryRaw<string>("SELECT trigger_name AS \"Value\" FROM qrtz_triggers WHERE trigger_group = 'workflow-timers'").ToListAsync());
        triggers.ShouldBe([waitId.ToString()]);
        await Eventually.Until(async () => await app.Query(db => db.WorkflowInstances.Where(i => i.Id == started.Id).Select(i => i.Status).SingleAsync()) != InstanceStatus.Running,
            TimeSpan.FromSeconds(60), "The Quartz trigger firing the timer");

        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id && t.Title == "After the timer"))).ShouldBe(1);
        (await app.Query(db => db.WorkflowTimers.CountAsync(t => t.InstanceId == started.Id))).ShouldBe(0);
        // Quartz deletes a fired one-shot trigger once the job has returned, in a transaction of its own after ours.
        await Eventually.Until(async () => await app.Query(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_triggers WHERE trigger_group = 'workflow-timers'").SingleAsync()) == 0,
            TimeSpan.FromSeconds(30), "Quartz removing the fired trigger");
    }
}
