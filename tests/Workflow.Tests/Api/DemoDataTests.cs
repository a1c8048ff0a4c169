using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Tasks;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Api;

/// <summary>The Development profile with its demo data and the shipped workflows, as `scripts/run.sh` starts it.</summary>
public sealed class DemoFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseEnvironment("Development");
        web.UseSetting("Demo:Seed", "true");
        web.UseSetting("Demo:Password", "Demo-2026!");
        web.UseSetting("Workflows:DeployOnStartup", "true");
        web.UseSetting("Workflows:Path", Path.Combine(Node.RepositoryRoot, "workflows"));
        web.UseSetting("Forms:Directory", Path.Combine(Node.RepositoryRoot, "forms"));
    }
}

public sealed class DemoDataTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task The_demo_dossiers_have_their_workflows_running_and_their_first_tasks_waiting()
    {
        var dossiers = await app.Query(db => db.Dossiers.AsNoTracking().OrderBy(d => d.Reference).Select(d => new { d.Id, d.Kind }).ToListAsync());
        dossiers.Select(d => d.Kind).ShouldBe(["expertise", "expertise", "follow-up"]);

        foreach (var dossier in dossiers)
        {
            var instance = await app.Query(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.DossierId == dossier.Id));
            instance.DefinitionKey.ShouldBe(dossier.Kind);
            instance.Status.ShouldBe(InstanceStatus.Running);
            var task = await app.Query(db => db.Tasks.AsNoTracking().SingleAsync(t => t.WorkflowInstanceId == instance.Id));
            task.Status.ShouldBe(WorkTaskStatus.Open);
            task.FormKey.ShouldBe(dossier.Kind == "expertise" ? "plan-appointment" : "first-meeting");
        }
    }
}
