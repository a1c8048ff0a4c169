using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Users;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The instances cockpit in a real browser: an admin follows instances on the real bpmn-js diagram, repairs incidents and migrates.</summary>
public sealed class CockpitBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly Regex Waiting = new(@"\bcockpit-waiting\b");
    private static readonly Regex Done = new(@"\bcockpit-done\b");
    private static readonly Regex InIncident = new(@"\bcockpit-incident\b");

    /// <summary>Start → a service task assigning the candidate as the dossier's expert → a user task → end.</summary>
    private static string Repair(string key) => Diagrams.Laid(Bpmn.Process(key, $"""
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Act" name="Assign the expert">
              <bpmn:extensionElements>
                <wf:command name="Scheduling.AssignExpert" retries="1" retryBackoff="PT1M" />
                <wf:input target="dossierId" expression="dossierId" /><wf:input target="expertId" expression="candidate" />
              </bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:userTask id="Follow" name="Follow up">
              <bpmn:extensionElements><wf:taskDefinition formKey="expertise-report" candidateRole="planner" /></bpmn:extensionElements>
              <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
            {Bpmn.Flow("F1", "Start", "Act")}
            {Bpmn.Flow("F2", "Act", "Follow")}
            {Bpmn.Flow("F3", "Follow", "End")}
        """));

    [Fact]
    public async Task An_admin_finds_an_expertise_instance_and_sees_its_waiting_task_on_the_diagram_and_its_journal()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await app.Send(new DeployDefinition.Command(await File.ReadAllTextAsync(Path.Combine(Node.RepositoryRoot, "workflows/expertise.bpmn")), Publish: true), admin);
        var s = await Scenario.Create(app);
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == s.Dossier.Id));
        await using var session = await Open(admin);
        var page = session.Page;

        await Nav(page, "Instances").ClickAsync();
        var row = page.Locator($"#instances tr[data-instance-id='{instance.Id}']");
        await Expect(row).ToContainTextAsync(s.Dossier.Reference);
        await Expect(row).ToContainTextAsync("expertise v1");
        await Expect(row).ToContainTextAsync("running");
        await page.Locator("#filters select[name=status]").SelectOptionAsync("completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await page.Locator("#filters select[name=status]").SelectOptionAsync("running");
        await page.Locator("#filters input[name=dossier]").FillAsync(s.Dossier.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(1);
        await session.App.Screenshot("cockpit-list");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        await row.GetByRole(AriaRole.Link, new() { Name = "expertise v1" }).ClickAsync();

        await Expect(page.Locator("#title")).ToHaveTextAsync($"expertise v1 · {s.Dossier.Reference}");
        await Expect(Shape(page, "PlanAppointment")).ToHaveClassAsync(Waiting);
        await Expect(Shape(page, "ExpertiseDossierCreated")).ToHaveClassAsync(Done);
        await Expect(Shape(page, "BookAppointment")).Not.ToHaveClassAsync(Waiting);
        await Expect(Overlay(page, "PlanAppointment", ".cockpit-token-count")).ToHaveTextAsync("1");
        // The escalation timer waits on the boundary event.
        await Expect(Shape(page, "PlanningLate")).ToHaveClassAsync(Waiting);
        await Expect(Overlay(page, "PlanningLate", ".cockpit-wait-label")).ToHaveTextAsync("timer");
        var entered = page.Locator("#journal tbody tr.journal-entered");
        await Expect(entered.Filter(new() { HasText = "PlanAppointment" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#journal tbody tr.journal-left").Filter(new() { HasText = "ExpertiseDossierCreated" })).ToHaveCountAsync(1);
        // The dossier's creation started the instance: the planner is the actor, by name.
        var plannerName = await app.Query(db => db.Users.Where(u => u.Id == s.Planner.Id).Select(u => u.FullName).SingleAsync());
        await Expect(page.Locator("#journal tbody tr.journal-instance-started")).ToContainTextAsync(plannerName);
        await Expect(page.Locator("#variables")).ToContainTextAsync(s.Dossier.Id.ToString());
        await Expect(page.Locator("#incidents-section")).ToBeHiddenAsync();
        // The bpmn.io watermark stays (bpmn-js's licence).
        await Expect(page.Locator("#diagram .bjs-powered-by")).ToBeVisibleAsync();
        await session.App.Screenshot("cockpit-instance");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_french_admin_follows_an_instance_in_french_with_times_in_their_zone()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await app.Send(new DeployDefinition.Command(await File.ReadAllTextAsync(Path.Combine(Node.RepositoryRoot, "workflows/expertise.bpmn")), Publish: true), admin);
        var s = await Scenario.Create(app);
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == s.Dossier.Id));
        var started = TimeZoneInfo.ConvertTime(instance.StartedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await using var session = await Open(admin, locale: "fr-BE");
        var page = session.Page;

        await Nav(page, "Instances").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cockpit des instances", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator($"#instances tr[data-instance-id='{instance.Id}']");
        await Expect(row).ToContainTextAsync("en cours");
        await Expect(row).ToContainTextAsync(started);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Migrer des instances" })).ToBeVisibleAsync();
        await page.GetByLabel("Dossier", new() { Exact = true }).FillAsync(s.Dossier.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(1);
        await session.App.Screenshot("cockpit-list-fr");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();

        await row.GetByRole(AriaRole.Link, new() { Name = "expertise v1" }).ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync($"en cours · démarrée");
        await Expect(page.Locator("#summary")).ToContainTextAsync(started);
        await Expect(Shape(page, "PlanAppointment")).ToHaveClassAsync(Waiting);
        await Expect(Overlay(page, "PlanningLate", ".cockpit-wait-label")).ToHaveTextAsync("minuterie");
        await Expect(page.Locator("#journal tbody tr.journal-entered").First).ToContainTextAsync("entré");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annuler l’instance" })).ToBeVisibleAsync();
        await session.App.Screenshot("cockpit-instance-fr");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incident_shows_on_its_element_and_retry_skip_and_cancel_from_the_page_move_the_instance_on()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Repair("cockpit-repair"), Publish: true), admin);
        var dossier = await app.Send(new CreateDossier.Command("Repairs", "cockpit-repair", planner.Id), planner);
        var notYetExpert = await app.CreateUser(Roles.Planner);
        var retried = await app.Send(new StartInstance.Command("cockpit-repair", dossier.Id, Variables: new() { ["candidate"] = notYetExpert.Id.ToString() }), planner);
        var skipped = await app.Send(new StartInstance.Command("cockpit-repair", dossier.Id, Variables: new() { ["candidate"] = Guid.NewGuid().ToString() }), planner);
        var error = (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == retried.Id))).ReadState().Incidents.Single().Error;
        await using var session = await Open(admin, expected: r => r.Status == 400 && r.Url.EndsWith($"/workflows/instances/{skipped.Id}/cancel", StringComparison.Ordinal));
        var page = session.Page;

        // The navigation says instances are stuck (a badge on "Instances"), and the cockpit leads to them.
        await Expect(Nav(page, "Instances").GetByLabel(new Regex(@"^\d+\+? with open incidents$"))).ToBeVisibleAsync();
        await Nav(page, "Instances").ClickAsync();
        var stuck = page.Locator("a#incidents-link");
        await Expect(stuck).ToContainTextAsync("instances with open incidents");
        await stuck.ClickAsync();
        await Expect(page.Locator("#filters input[name=incidents]")).ToBeCheckedAsync();
        await Expect(page.Locator($"#instances tr[data-instance-id='{retried.Id}'] td.incident-count")).ToHaveTextAsync("1");
        await session.App.Screenshot("cockpit-incidents");
        await Expect(page.Locator($"#instances tr[data-instance-id='{skipped.Id}']")).ToHaveCountAsync(1);
        // Only instances with incidents: none of the rows says 0.
        await Expect(page.Locator("#instances tbody td.incident-count")).ToHaveCountAsync(await page.Locator("#instances tbody tr").CountAsync());
        await page.GotoAsync($"/app/instances/{retried.Id}");
        // A whole page load (the application, then its lazy chunk with bpmn-js) on a busy machine.
        await Expect(page.Locator("#title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(Shape(page, "Act")).ToHaveClassAsync(InIncident);
        await Expect(Overlay(page, "Act", ".cockpit-incident-text")).ToHaveTextAsync(error);
        await Expect(Shape(page, "Start")).ToHaveClassAsync(Done);
        await Expect(page.Locator("#incidents tbody tr[data-element-id='Act']")).ToContainTextAsync(error);
        await session.App.Screenshot("cockpit-incident");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();

        // The cause is fixed (the candidate becomes an expert), then Retry runs the service task again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.AddToRoleAsync((await users.FindByIdAsync(notYetExpert.Id.ToString()))!, Roles.Expert)).Succeeded.ShouldBeTrue();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Retried: the instance is running, 0 open incident(s).");
        await Expect(Shape(page, "Follow")).ToHaveClassAsync(Waiting);
        await Expect(Shape(page, "Act")).ToHaveClassAsync(Done);
        await Expect(Shape(page, "Act")).Not.ToHaveClassAsync(InIncident);
        await Expect(page.Locator("#incidents-section")).ToBeHiddenAsync();
        var afterRetry = await Api(page, $"/workflows/instances/{retried.Id}");
        afterRetry.GetProperty("instance").GetProperty("openIncidents").GetInt32().ShouldBe(0);
        afterRetry.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()).ShouldBe(["Follow"]);
        (await app.Query(db => db.Dossiers.Include(d => d.Participants).SingleAsync(d => d.Id == dossier.Id)))
            .Participants.ShouldContain(p => p.Role == "expert" && p.UserId == notYetExpert.Id);

        await page.GotoAsync($"/app/instances/{skipped.Id}");
        // A whole page load (the application, then its lazy chunk with bpmn-js) on a busy machine.
        await Expect(page.Locator("#title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(Shape(page, "Act")).ToHaveClassAsync(InIncident);
        var variables = page.GetByLabel("Variables for skipping Act");
        await variables.FillAsync("{ expertAssigned: false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip", Exact = true }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("The variables are not valid JSON");
        (await Api(page, $"/workflows/instances/{skipped.Id}")).GetProperty("instance").GetProperty("openIncidents").GetInt32().ShouldBe(1);
        await variables.FillAsync("""{ "expertAssigned": false }""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip", Exact = true }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Skipped: the instance is running, 0 open incident(s).");
        await Expect(Shape(page, "Follow")).ToHaveClassAsync(Waiting);
        await Expect(page.Locator("#variables")).ToContainTextAsync("\"expertAssigned\": false");
        var afterSkip = await Api(page, $"/workflows/instances/{skipped.Id}");
        afterSkip.GetProperty("variables").GetProperty("expertAssigned").GetBoolean().ShouldBeFalse();
        afterSkip.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()).ShouldBe(["Follow"]);

        // A refusal is shown with the server's message; with a reason the instance ends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" }).ClickAsync();
        await Expect(page.Locator("#message.problem")).ToContainTextAsync(new Regex("reason.*must not be empty", RegexOptions.IgnoreCase));
        await page.GetByLabel("Reason").FillAsync("Opened by mistake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Cancelled: the instance is cancelled, 0 open incident(s).");
        await Expect(page.Locator("#cancel-section")).ToBeHiddenAsync();
        (await Api(page, $"/workflows/instances/{skipped.Id}")).GetProperty("instance").GetProperty("status").GetString().ShouldBe("cancelled");
        session.Problems.ShouldBeEmpty();
        session.Expected.ShouldBe(1, "the refused cancel");
    }

    [Fact]
    public async Task A_dry_run_reports_what_blocks_each_instance_and_migrate_moves_those_that_can_to_the_new_version()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Diagrams.Laid(Bpmn.Review("cockpit-migrate", "cockpit-migrate")), Publish: true), admin);
        var reviewing = await app.Send(new CreateDossier.Command("To migrate", "cockpit-migrate", planner.Id), planner);
        var closing = await app.Send(new CreateDossier.Command("Waits for closing", "cockpit-migrate", planner.Id), planner);
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == reviewing.Id));
        var other = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == closing.Id));
        var review = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == closing.Id));
        await app.Send(new Application.Tasks.CompleteTask.Command(review.Id, new() { ["approved"] = false, ["summary"] = "Wait" }), planner);
        // Version 2 renames the review task and the catch event for the dossier's closing.
        var second = Bpmn.Review("cockpit-migrate", "cockpit-migrate", taskName: "Check").Replace("\"Closed\"", "\"WaitClosed\"", StringComparison.Ordinal);
        await app.Send(new DeployDefinition.Command(Diagrams.Laid(second), Publish: true), admin);
        await using var session = await Open(admin);
        var page = session.Page;

        await page.GotoAsync("/app/instances");
        // A whole page load (the application, then its lazy chunk with bpmn-js) on a busy machine.
        await Expect(page.Locator("#title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var form = page.Locator("#migration-form");
        await form.Locator("select[name=key]").SelectOptionAsync("cockpit-migrate");
        await Expect(form.Locator("select[name=from]")).ToHaveValueAsync("1");
        await Expect(form.Locator("select[name=to]")).ToHaveValueAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose mapping" }).ClickAsync();
        var target = page.GetByLabel("Target of Review");
        await Expect(target).ToHaveValueAsync("");
        await Expect(page.Locator("#mapping-table tr[data-element-id='Review']")).ToContainTextAsync("UserTask");
        await Expect(page.GetByLabel("Target of Closed")).ToHaveValueAsync("");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        var reported = page.Locator($"#report-table tr[data-instance-id='{instance.Id}']");
        var blocked = page.Locator($"#report-table tr[data-instance-id='{other.Id}']");
        await Expect(reported).ToContainTextAsync("cannot move");
        await Expect(reported).ToContainTextAsync("Review: maps to 'Review', which the target definition does not have");
        await Expect(blocked).ToContainTextAsync("Closed: ");

        await target.SelectOptionAsync("Check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await Expect(reported).ToContainTextAsync("can move");
        await Expect(blocked).ToContainTextAsync("cannot move");
        await Expect(page.Locator("#message")).ToHaveTextAsync("Dry run: 1 instance(s) can move, 1 cannot.");
        await session.App.Screenshot("cockpit-migration");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        await Expect(page.GetByLabel($"Migrate {instance.Id}")).ToBeCheckedAsync();
        await Expect(page.GetByLabel($"Migrate {other.Id}")).Not.ToBeCheckedAsync();
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id))).DefinitionVersion.ShouldBe(1, "a dry run moves nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Migrate", Exact = true }).ClickAsync();
        await Expect(reported).ToContainTextAsync("migrated");
        await Expect(page.Locator("#message")).ToHaveTextAsync("Migrated 1 instance(s) to v2.");
        await Expect(page.Locator($"#instances tr[data-instance-id='{instance.Id}']")).ToContainTextAsync("cockpit-migrate v2");
        await Expect(page.Locator($"#instances tr[data-instance-id='{other.Id}']")).ToContainTextAsync("cockpit-migrate v1");
        var moved = await Api(page, $"/workflows/instances/{instance.Id}");
        moved.GetProperty("instance").GetProperty("definitionVersion").GetInt32().ShouldBe(2);
        moved.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()).ShouldBe(["Check"]);
        (await Api(page, $"/workflows/instances/{other.Id}")).GetProperty("instance").GetProperty("definitionVersion").GetInt32().ShouldBe(1);

        await reported.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#title")).ToHaveTextAsync($"cockpit-migrate v2 · {reviewing.Reference}");
        await Expect(Shape(page, "Check")).ToHaveClassAsync(Waiting);
        await Expect(page.Locator("#journal tbody tr.journal-migrated")).ToHaveCountAsync(1);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_designer_gets_the_cockpit_without_migration_and_a_planner_is_not_offered_it()
    {
        var someone = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("cockpit-plain", "PT1H"), Publish: true), await app.CreateUser(Roles.Designer));
        var dossier = await app.Send(new CreateDossier.Command("Plain", "cockpit-plain", someone.Id), someone);
        var plain = await app.Send(new StartInstance.Command("cockpit-plain", dossier.Id), someone);

        await using (var designer = await Open(await app.CreateUser(Roles.Designer)))
        {
            await Nav(designer.Page, "Instances").ClickAsync();
            await Expect(designer.Page.Locator($"#instances tr[data-instance-id='{plain.Id}']")).ToContainTextAsync(dossier.Reference);
            await Expect(designer.Page.Locator("#migration")).ToBeHiddenAsync();
            // A definition deployed without a diagram: the page says so and still shows the journal.
            await designer.Page.GetByRole(AriaRole.Link, new() { Name = "cockpit-plain v1" }).ClickAsync();
            await Expect(designer.Page.Locator("#message")).ToContainTextAsync("The diagram cannot be drawn (no diagram to display)");
            await Expect(designer.Page.Locator("#journal tbody tr.journal-entered").Filter(new() { HasText = "Wait" })).ToHaveCountAsync(1);
            designer.Problems.ShouldBeEmpty();
        }

        await using var planner = await Open(await app.CreateUser(Roles.Planner));
        await Expect(Nav(planner.Page, "My tasks")).ToBeVisibleAsync();
        await Expect(Nav(planner.Page, "Instances")).ToBeHiddenAsync();
        await planner.Page.GotoAsync("/app/instances");
        await Expect(planner.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You may not do this. Ask an administrator.");
        await Expect(planner.Page.Locator("#instances")).ToBeHiddenAsync();
        planner.Problems.ShouldBeEmpty();
    }

    /// <summary>What the API says, asked with the page's own sign-in (outside the page's network log).</summary>
    private static async Task<JsonElement> Api(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        response.Status.ShouldBe(200, await response.TextAsync());
        return (await response.JsonAsync())!.Value;
    }

    private static ILocator Shape(IPage page, string elementId) => page.Locator($"#diagram .djs-element.djs-shape[data-element-id='{elementId}']");

    private static ILocator Overlay(IPage page, string elementId, string selector) =>
        page.Locator($"#diagram .djs-overlays[data-container-id='{elementId}'] {selector}");

    /// <summary>An app session and the answers the journey expects (counted, not problems).</summary>
    private sealed class Session(AppSession app) : IAsyncDisposable
    {
        public AppSession App { get; } = app;
        public IPage Page => App.Page;
        public List<string> Problems => App.Problems;
        public int Expected { get; set; }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Signs in through the application's page; any page or console error, failed request or 4xx/5xx (but the expected ones) is a problem.</summary>
    private async Task<Session> Open(TestUser user, Func<IResponse, bool>? expected = null, string locale = "en-GB")
    {
        var inner = await AppSession.Open(app, locale);
        var session = new Session(inner);
        if (expected is not null)
        {
            // Expected answers are counted; an unexpected answer with the same status is still a problem.
            inner.ExpectedStatuses.Add(400);
            inner.Page.Response += (_, response) =>
            {
                if (response.Status != 400)
                    return;
                if (expected(response))
                    session.Expected++;
                else
                    session.Problems.Add($"400 {response.Request.Method} {response.Url}");
            };
        }
        await inner.SignInAs(user.Email, AppFixture.Password);
        return session;
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = name });
}
