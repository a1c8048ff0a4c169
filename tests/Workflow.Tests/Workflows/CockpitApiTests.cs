using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>What the instances cockpit reads: instance summaries with their dossier's reference, and the proposed migration mapping.</summary>
public sealed class CockpitApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Instances_carry_their_dossier_reference_and_an_instance_on_a_confidential_dossier_is_listed_only_for_those_entitled()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("secret-review", "secret-kind"), Publish: true), designer);
        var referent = await app.CreateUser(Roles.Planner);
        var open = await app.Send(new CreateDossier.Command("Ordinary", "secret-kind", referent.Id), referent);
        var secret = await app.Send(new CreateDossier.Command("Sensitive", "secret-kind", referent.Id, Confidential: true), referent);
        var secretInstance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == secret.Id));

        foreach (var entitled in new[] { referent, await app.CreateUser(Roles.Admin) })
        {
            var client = await app.Client(entitled);
            var listed = await (await client.GetAsync("/workflows/instances?key=secret-review")).Read<List<InstanceSummary>>();
            listed.Select(i => (i.DossierId, i.DossierReference)).ShouldBe([(open.Id, open.Reference), (secret.Id, secret.Reference)], ignoreOrder: true);
            (await (await client.GetAsync($"/workflows/instances/{secretInstance.Id}")).Read<InstanceDetail>()).Instance.DossierReference.ShouldBe(secret.Reference);
        }

        foreach (var outsider in new[] { designer, await app.CreateUser(Roles.Planner) })
        {
            var client = await app.Client(outsider);
            var listed = await (await client.GetAsync("/workflows/instances?key=secret-review")).Read<List<InstanceSummary>>();
            listed.Select(i => i.DossierReference).ShouldBe([open.Reference]);
            (await (await client.GetAsync($"/workflows/instances?dossierId={secret.Id}")).Read<List<InstanceSummary>>()).ShouldBeEmpty();
            await (await client.GetAsync($"/workflows/instances/{secretInstance.Id}")).Problem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Instances_are_found_by_the_start_of_their_dossiers_reference_and_read_a_page_at_a_time_newest_first()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("paged-review", "paged-kind"), Publish: true), designer);
        var referent = await app.CreateUser(Roles.Planner);
        var dossiers = new List<DossierDto>();
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            dossiers.Add(await app.Send(new CreateDossier.Command($"Paged {i}", "paged-kind", referent.Id, Reference: $"PAGED-{i}"), referent));
        }
        await app.Send(new CreateDossier.Command("Other", "paged-kind", referent.Id, Reference: "OTHER_1"), referent);
        var client = await app.Client(referent);

        var byReference = await (await client.GetAsync("/workflows/instances?dossier=paged-")).Read<List<InstanceSummary>>();
        byReference.Select(i => i.DossierReference).ShouldBe(["PAGED-4", "PAGED-3", "PAGED-2", "PAGED-1", "PAGED-0"]);
        var second = await (await client.GetAsync("/workflows/instances?dossier=PAGED&skip=2&limit=2")).Read<List<InstanceSummary>>();
        second.Select(i => i.DossierReference).ShouldBe(["PAGED-2", "PAGED-1"]);
        // Typed text is literal: "_" is not a wildcard.
        (await (await client.GetAsync("/workflows/instances?dossier=PAGED_")).Read<List<InstanceSummary>>()).ShouldBeEmpty();
        (await (await client.GetAsync("/workflows/instances?dossier=OTHER_")).Read<List<InstanceSummary>>()).ShouldHaveSingleItem();

        var problem = await (await client.GetAsync("/workflows/instances?limit=0&skip=-1")).Problem(HttpStatusCode.BadRequest);
        problem.ToString().ShouldContain("limit");
        problem.ToString().ShouldContain("skip");
    }

    [Fact]
    public async Task The_migration_plan_lists_where_running_instances_stand_with_the_compatible_elements_of_the_target()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("plan-review", "plan-kind"), Publish: true), admin);
        var first = await app.Send(new CreateDossier.Command("One", "plan-kind", planner.Id), planner);
        await app.Send(new CreateDossier.Command("Two", "plan-kind", planner.Id), planner);
        // One instance moves on to wait for the dossier to be closed; another ends and is not counted.
        var third = await app.Send(new CreateDossier.Command("Three", "plan-kind", planner.Id), planner);
        var firstTask = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == first.Id));
        await app.Send(new Application.Tasks.CompleteTask.Command(firstTask.Id, new() { ["approved"] = false, ["summary"] = "Not yet" }), planner);
        var thirdTask = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == third.Id));
        await app.Send(new Application.Tasks.CompleteTask.Command(thirdTask.Id, new() { ["approved"] = true, ["summary"] = "Fine" }), planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("plan-review", "plan-kind", taskName: "Check"), Publish: true), admin);
        var client = await app.Client(admin);

        var plan = await (await client.GetAsync("/workflows/definitions/plan-review/migration-plan?from=1&to=2")).Read<ProposeMigration.Plan>();

        plan.RunningInstances.ShouldBe(2);
        plan.Elements.Select(e => (e.ElementId, e.Kind, e.Instances, e.Proposed)).ShouldBe([
            ("Closed", "Message IntermediateCatchEvent", 1, "Closed"),
            ("Review", "UserTask", 1, null),
        ]);
        plan.Elements.Single(e => e.ElementId == "Review").Candidates.Select(c => c.ElementId).ShouldBe(["Check"]);
        plan.Elements.Single(e => e.ElementId == "Closed").Candidates.Select(c => c.ElementId).ShouldBe(["Closed"]);
        (await app.Query(db => db.WorkflowInstances.CountAsync(i => i.DefinitionKey == "plan-review" && i.Status == InstanceStatus.Completed))).ShouldBe(1);
    }

    [Fact]
    public async Task A_migration_plan_between_one_version_and_itself_or_of_an_unknown_version_is_refused_by_name()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("plan-refused", "refused-kind"), Publish: true), admin);
        var client = await app.Client(admin);

        var same = await (await client.GetAsync("/workflows/definitions/plan-refused/migration-plan?from=1&to=1")).Problem(HttpStatusCode.BadRequest);
        same.GetProperty("errors").GetProperty("to")[0].GetString().ShouldBe("'to' must differ from 'from'.");
        var unknown = await (await client.GetAsync("/workflows/definitions/plan-refused/migration-plan?from=1&to=7")).Problem(HttpStatusCode.NotFound);
        unknown.GetProperty("detail").GetString()!.ShouldContain("plan-refused v7");
    }
}
