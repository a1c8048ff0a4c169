using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public sealed class VersioningTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Identical_content_creates_nothing_changed_content_is_a_new_draft_and_revert_copies_an_old_version()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var v1 = await app.Send(new DeployDefinition.Command(Bpmn.Review("versions", "kind-v")), designer);
        var again = await app.Send(new DeployDefinition.Command(Bpmn.Review("versions", "kind-v")), designer);
        var v2 = await app.Send(new DeployDefinition.Command(Bpmn.Review("versions", "kind-v", "Check")), designer);

        (v1.Created, v1.Definition.Version, v1.Definition.Status).ShouldBe((true, 1, DefinitionStatus.Draft));
        (again.Created, again.Definition.Version).ShouldBe((false, 1));
        (v2.Created, v2.Definition.Version).ShouldBe((true, 2));

        await app.Send(new PublishDefinition.Command("versions", 1), designer);
        await app.Send(new PublishDefinition.Command("versions", 2), designer);
        var reverted = await app.Send(new RevertDefinition.Command("versions", 1), designer);

        reverted.Version.ShouldBe(3);
        reverted.RevertedFrom.ShouldBe(1);
        reverted.ContentHash.ShouldBe(v1.Definition.ContentHash);
        var history = await app.Send(new DefinitionHistory.Query("versions"), designer);
        history.Select(h => (h.Version, h.Status)).ShouldBe([(3, DefinitionStatus.Draft), (2, DefinitionStatus.Published), (1, DefinitionStatus.Unpublished)]);
        history.ShouldAllBe(h => h.CreatedById == designer.Id);
        history[1].PublishedById.ShouldBe(designer.Id);
        history[1].PublishedAt.ShouldBe(app.Clock.GetUtcNow());
        (await app.Send(new ExportDefinition.Query("versions", 1), designer)).ShouldBe(Bpmn.Review("versions", "kind-v"));
        var diff = await app.Send(new DiffDefinitions.Query("versions", 1, 2), designer);
        diff.Added.Select(a => a.Id).ShouldContain("Check");
        diff.Removed.Select(r => r.Id).ShouldContain("Review");
        (await app.Send(new ListDefinitions.Query(), designer)).ShouldContain(i => i.Key == "versions" && i.LatestVersion == 3 && i.PublishedVersion == 2);
    }

    [Fact]
    public async Task Running_instances_stay_on_their_version_and_migrate_with_a_mapping_atomically()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var admin = await app.CreateUser(Roles.Admin);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("moving", "kind-m"), Publish: true), designer);
        var first = await app.Send(new CreateDossier.Command("First", "kind-m", planner.Id), planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("moving", "kind-m", "Check"), Publish: true), designer);
        var second = await app.Send(new CreateDossier.Command("Second", "kind-m", planner.Id), planner);
        var instances = await app.Query(db => db.WorkflowInstances.Where(i => i.DefinitionKey == "moving").OrderBy(i => i.StartedAt).ToListAsync());
        instances.Select(i => i.DefinitionVersion).ShouldBe([1, 2]);

        var refused = await Should.ThrowAsync<MigrationRefusedException>(() => app.Send(new MigrateInstances.Command("moving", 1, 2), admin));
        refused.Errors.ShouldContain(e => e.Element == $"{instances[0].Id}/Review");
        var dryRun = await app.Send(new MigrateInstances.Command("moving", 1, 2, new Dictionary<string, string> { ["Review"] = "Check" }, DryRun: true), admin);
        dryRun.ShouldHaveSingleItem().Errors.ShouldBeEmpty();
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instances[0].Id))).DefinitionVersion.ShouldBe(1);

        var report = await app.Send(new MigrateInstances.Command("moving", 1, 2, new Dictionary<string, string> { ["Review"] = "Check" }), admin);

        report.ShouldHaveSingleItem().Migrated.ShouldBeTrue();
        var migrated = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instances[0].Id));
        migrated.DefinitionVersion.ShouldBe(2);
        (await Journal.Of(app, migrated.Id)).ShouldContain(j => j.Kind == JournalKind.Migrated);
        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == first.Id));
        task.WorkflowElementId.ShouldBe("Check");
        await app.Send(new CompleteTask.Command(task.Id, new() { ["approved"] = true }), planner);
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instances[0].Id))).Status.ShouldBe(InstanceStatus.Completed);
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == first.Id))).ShouldBe(1, "the user task is not created again");
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == second.Id))).Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public async Task A_user_task_may_name_any_imported_form_and_only_those()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var xml = Bpmn.Review("site-visit-flow", "kind-sv", "Visit").Replace("formKey=\"expertise-report\"", "formKey=\"site-visit\"");
        xml.ShouldContain("formKey=\"site-visit\"");

        var refused = await Should.ThrowAsync<Workflow.Application.Workflows.InvalidDefinitionException>(() => app.Send(new DeployDefinition.Command(xml), designer));
        refused.Errors.ShouldContain(e => e.Element == "Visit" && e.Message.Contains("site-visit"));

        await app.Send(new Workflow.Application.FormDefinitions.ImportForm.Command("site-visit",
            System.Text.Json.Nodes.JsonNode.Parse("""{ "components": [ { "type": "textarea", "key": "notes", "input": true } ] }""")!.AsObject()), designer);
        var deployed = await app.Send(new DeployDefinition.Command(xml), designer);
        deployed.ShouldNotBeNull();
    }

    [Fact]
    public async Task Deploying_an_invalid_definition_is_a_422_naming_every_element()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var client = await app.Client(designer);
        var xml = Bpmn.Service("broken", "Nope.Unknown", "").Replace("<bpmn:endEvent id=\"End\">", "<bpmn:userTask id=\"Form\"><bpmn:extensionElements><wf:taskDefinition formKey=\"no-such-form\" candidateRole=\"planner\" /></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id=\"End\">");

        var response = await client.PostAsJsonAsync("/workflows/definitions", new { xml });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("reason").GetString().ShouldBe("invalid-definition");
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("element").GetString(), e.GetProperty("message").GetString()!)).ToList();
        errors.ShouldContain(e => e.Item1 == "Act" && e.Item2.Contains("Nope.Unknown"));
        errors.ShouldContain(e => e.Item1 == "Form" && e.Item2.Contains("no-such-form"));
        (await client.PostAsJsonAsync("/workflows/definitions", new { xml = "<not-bpmn" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var timerStart = Bpmn.Timer("timer-start", "PT1H").Replace(
            "<bpmn:startEvent id=\"Start\"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>",
            "<bpmn:startEvent id=\"Start\"><bpmn:outgoing>F1</bpmn:outgoing><bpmn:timerEventDefinition id=\"TS\"><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R/2026-12-01T08:00:00Z/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");
        timerStart.ShouldContain("timeCycle");
        // Timer start events are scheduled at publication: a cycle is accepted, an expression (no variables yet) is not.
        (await client.PostAsJsonAsync("/workflows/definitions", new { xml = timerStart })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await client.PostAsJsonAsync("/workflows/definitions", new { xml = timerStart.Replace("R/2026-12-01T08:00:00Z/P1D", "=cycle") });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var timerError = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        timerError.GetProperty("element").GetString().ShouldBe("Start");
        timerError.GetProperty("message").GetString()!.ShouldContain("not an expression");
        (await app.Query(db => db.WorkflowDefinitions.CountAsync(d => d.Key == "broken"))).ShouldBe(0);
    }

    [Fact]
    public async Task Over_http_designers_deploy_and_publish_and_staff_see_only_instances_of_dossiers_they_may_see()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var referent = await app.CreateUser(Roles.Planner);
        var otherPlanner = await app.CreateUser(Roles.Planner);
        var designerClient = await app.Client(designer);
        var created = await designerClient.PostAsJsonAsync("/workflows/definitions", new { xml = Bpmn.Review("http-review", "kind-h"), publish = true });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await designerClient.PostAsJsonAsync("/workflows/definitions", new { xml = Bpmn.Review("http-review", "kind-h") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await designerClient.GetStringAsync("/workflows/definitions/http-review/versions/1/xml")).ShouldBe(Bpmn.Review("http-review", "kind-h"));

        var open = await app.Send(new CreateDossier.Command("Open", "kind-h", referent.Id), referent);
        var secret = await app.Send(new CreateDossier.Command("Secret", "kind-h", referent.Id, Confidential: true), referent);
        var referentClient = await app.Client(referent);
        var otherClient = await app.Client(otherPlanner);

        var mine = await referentClient.GetFromJsonAsync<List<InstanceSummary>>("/workflows/instances?key=http-review", AppFixture.Json);
        mine!.Select(i => i.DossierId).ShouldBe([open.Id, secret.Id], ignoreOrder: true);
        var theirs = await otherClient.GetFromJsonAsync<List<InstanceSummary>>("/workflows/instances?key=http-review&status=running", AppFixture.Json);
        theirs!.ShouldHaveSingleItem().DossierId.ShouldBe(open.Id);
        var hidden = mine!.Single(i => i.DossierId == secret.Id);
        (await otherClient.GetAsync($"/workflows/instances/{hidden.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = await referentClient.GetFromJsonAsync<JsonElement>($"/workflows/instances/{hidden.Id}");
        detail.GetProperty("waits").EnumerateArray().Single().GetProperty("elementId").GetString().ShouldBe("Review");
        detail.GetProperty("journal").GetArrayLength().ShouldBeGreaterThan(1);
        detail.GetProperty("variables").GetProperty("dossierId").GetString().ShouldBe(secret.Id.ToString());

        var start = await referentClient.PostAsJsonAsync("/workflows/definitions/no-such-key/start", new { dossierId = open.Id });
        start.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
