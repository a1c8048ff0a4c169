using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Skills;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The dossier screens in a real browser: the list with its search and the "new dossier" form, and one dossier's page.</summary>
public sealed class DossierBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private Task<string> NameOf(TestUser user) => app.Query(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    /// <summary>
    /// No problem seen, and axe-core finds no serious or critical violation in the screen (the main region: the shell's
    /// header is checked by its own tests; its grey "Sign out" button currently fails color-contrast).
    /// </summary>
    private static async Task Clean(AppSession s)
    {
        s.Problems.ShouldBeEmpty();
        var result = await s.Page.Locator("#main").RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Planner_creates_a_dossier_and_adds_its_participants()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var skill = $"roof-{Guid.NewGuid():N}"[..13];
        await app.Send(new CreateSkill.Command(skill, "Toitures"), admin);
        var planner = await app.CreateUser(Roles.Planner);
        var colleague = await app.CreateUser(Roles.Expert);
        var colleagueName = await NameOf(colleague);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New dossier" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Region, new() { Name = "New dossier" });
        // Sent without a title: the server's refusal shows next to the field.
        s.ExpectedStatuses.Add(400);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the dossier" }).ClickAsync();
        var title = form.GetByLabel("Title", new() { Exact = true });
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = (await title.GetAttributeAsync("aria-describedby"))!.Split(' ').Last();
        await Expect(page.Locator($"[id='{describedBy}']")).ToContainTextAsync("title", new() { IgnoreCase = true });
        await s.Screenshot("dossier-new-refused");

        await title.FillAsync("Tempête : toiture arrachée");
        await form.GetByLabel("Toitures").CheckAsync();
        await form.GetByLabel("Address").FillAsync("Rue du Moulin 3, 5000 Namur");
        await form.GetByLabel("Latitude").FillAsync("50.4669");
        await form.GetByLabel("Longitude").FillAsync("4.8675");
        await form.GetByLabel("Urgent", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the dossier" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tempête : toiture arrachée");
        var id = Guid.Parse(Regex.Match(page.Url, "/app/dossiers/([0-9a-f-]{36})").Groups[1].Value);

        async Task Add(string kind, string name, string role, string? email = null, string? phone = null)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a participant" }).ClickAsync();
            await page.GetByLabel("Kind of participant").SelectOptionAsync(new SelectOptionValue { Label = kind });
            if (kind == "Internal user")
                await page.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{name} (expert)" });
            else
                await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Role on the dossier").FillAsync(role);
            if (email is not null) await page.GetByLabel("E-mail (optional)").FillAsync(email);
            if (phone is not null) await page.GetByLabel("Phone (optional)").FillAsync(phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{name} added to the dossier." })).ToBeAttachedAsync();
        }

        await Add("Person", "Marie Dupont", "insured", "marie.dupont@example.org", "+32 81 22 33 44");
        await Add("Private third party", "Jean Voisin", "neighbour");
        await Add("Professional third party", "Toitures Lambert", "roofer", "contact@lambert.example");
        await Add("Internal user", colleagueName, "assistant");

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Persons" })).ToContainTextAsync("Marie Dupont");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Private third parties" })).ToContainTextAsync("Jean Voisin");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Professional third parties" })).ToContainTextAsync("Toitures Lambert");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Internal users" })).ToContainTextAsync(colleagueName);
        await s.Screenshot("dossier-created-with-participants");
        await Clean(s);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Jean Voisin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Private third parties" })).ToHaveCountAsync(0);

        var dossier = await app.Send(new GetDossier.Query(id), planner);
        dossier.Urgent.ShouldBeTrue();
        dossier.RequiredSkills.ShouldBe([skill]);
        dossier.Address.ShouldBe(new Address("Rue du Moulin 3, 5000 Namur", 50.4669, 4.8675));
        dossier.ReferentId.ShouldBe(planner.Id);
        dossier.Participants.Select(p => (p.Kind, p.Name, p.Role)).ShouldBe([
            (ParticipantKind.InternalUser, await NameOf(planner), "referent"),
            (ParticipantKind.Person, "Marie Dupont", "insured"),
            (ParticipantKind.ProfessionalThirdParty, "Toitures Lambert", "roofer"),
            (ParticipantKind.InternalUser, colleagueName, "assistant"),
        ], ignoreOrder: true);
        dossier.Participants.Single(p => p.Name == "Marie Dupont").Phone.ShouldBe("+32 81 22 33 44");
        dossier.Participants.Single(p => p.Role == "assistant").UserId.ShouldBe(colleague.Id);
        await Clean(s);
    }

    [Fact]
    public async Task Planner_creates_a_planning_task_by_hand_on_the_dossier()
    {
        var s0 = await Scenario.Create(app);
        var expertName = await NameOf(s0.Expert);
        await using var s = await AppSession.SignIn(app, s0.Planner);
        var page = s.Page;

        await page.GotoAsync($"/app/dossiers/{s0.Dossier.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
        await page.GetByLabel("Task title").FillAsync("Plan the expertise visit");
        await page.GetByLabel("Form", new() { Exact = true }).SelectOptionAsync("plan-appointment");
        await page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = expertName });
        await page.GetByLabel("Due (").FillAsync("2026-11-25T17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the task" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Task “Plan the expertise visit” created." })).ToBeAttachedAsync();
        var row = page.Locator("#tasks tbody tr").Filter(new() { HasText = "Plan the expertise visit" });
        await Expect(row).ToContainTextAsync(expertName);
        await Expect(row).ToContainTextAsync("25 Nov 2026, 17:00");
        await Expect(row).ToContainTextAsync("by hand");
        await s.Screenshot("dossier-task-created-by-hand");
        await Clean(s);

        var task = (await app.Send(new DossierTasks.Query(s0.Dossier.Id), s0.Planner)).Single(t => t.Title == "Plan the expertise visit");
        task.FormKey.ShouldBe("plan-appointment");
        task.AssigneeId.ShouldBe(s0.Expert.Id);
        task.Origin.ShouldBe(TaskOriginKind.Manual);
        task.DueAt.ShouldBe(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero));
        await row.GetByRole(AriaRole.Link, new() { Name = "Plan the expertise visit" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/app/tasks/{task.Id}$"));
    }

    [Fact]
    public async Task Dossier_shows_its_assigned_expert_and_appointment_counts()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("dossier-review", "inspection"), Publish: true), designer);
        var planner = await app.CreateUser(Roles.Planner);
        var expert = await app.CreateUser(Roles.Expert);
        await app.Send(new Workflow.Application.Availability.AddAvailabilityRange.Command(expert.Id, Scenario.At(8), Scenario.At(11, 30), null), planner);
        var dossier = await app.Send(new CreateDossier.Command("Fissures en façade", "inspection", planner.Id,
            Address: new Address("Place d'Armes 1, 5000 Namur", 50.46, 4.86)), planner);
        await app.Send(new AssignExpert.Command(dossier.Id, expert.Id), planner);
        var visit = await app.Send(new CreateAppointment.Command(dossier.Id, "Visite des lieux", expert.Id, Scenario.At(9), Scenario.At(10)), planner);
        await app.Send(new CreateAppointment.Command(dossier.Id, "Contre-visite"), planner);
        var report = await app.Send(new AttachDocument.Command(visit.Id, "photos façade.pdf", "%PDF-1.4"u8.ToArray()), planner);
        var expertName = await NameOf(expert);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await page.GotoAsync($"/app/dossiers/{dossier.Id}");

        await Expect(page.Locator("#assigned-expert")).ToHaveTextAsync(expertName);
        await Expect(page.Locator("#appointment-counts")).ToContainTextAsync("1 planned");
        await Expect(page.Locator("#appointment-counts")).ToContainTextAsync("1 to plan");
        var planned = page.Locator($"#appointments tr[data-appointment-id='{visit.Id}']");
        await Expect(planned).ToContainTextAsync("23 Nov 2026, 10:00 – 11:00"); // 09:00 UTC in Brussels
        await Expect(planned).ToContainTextAsync(expertName);
        await Expect(page.Locator("#appointments")).ToContainTextAsync("not planned yet");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New appointment" })).ToHaveAttributeAsync("href", $"/app/dossiers/{dossier.Id}/appointments/new");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "photos façade.pdf" }))
            .ToHaveAttributeAsync("href", $"/appointments/{visit.Id}/documents/{report.Id}");
        var instance = page.Locator("#instances tbody tr");
        await Expect(instance).ToContainTextAsync("dossier-review v1");
        await Expect(instance).ToContainTextAsync("running");
        // The workflow's review task is on the dossier too.
        await Expect(page.Locator("#tasks")).ToContainTextAsync("Review the dossier");
        await s.Screenshot("dossier-expert-appointments-documents");
        await Clean(s);
    }

    [Fact]
    public async Task Emptying_the_address_in_the_edit_form_takes_it_away()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var dossier = await app.Send(new CreateDossier.Command("Dégât des eaux", "inspection", planner.Id,
            Address: new Address("Rue de Fer 3, 5000 Namur", 50.46, 4.86)), planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;
        await page.GotoAsync($"/app/dossiers/{dossier.Id}");
        await Expect(page.Locator("main")).ToContainTextAsync("Rue de Fer 3, 5000 Namur");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Latitude (optional)").FillAsync("");
        await page.GetByLabel("Longitude (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dossier saved." })).ToHaveCountAsync(1);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Rue de Fer 3");
        (await app.Send(new GetDossier.Query(dossier.Id), planner)).Address.ShouldBeNull();
        await Clean(s);
    }

    [Fact]
    public async Task Search_finds_a_dossier_by_its_reference()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var wanted = await app.Send(new CreateDossier.Command("Bris de vitre", "expertise", planner.Id, Reference: $"SRCH-{Guid.NewGuid():N}"[..14], Urgent: true), planner);
        var other = await app.Send(new CreateDossier.Command("Autre dossier", "expertise", planner.Id), planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await page.GotoAsync("/app/dossiers");
        await page.GetByLabel("Search (reference or title)").FillAsync(wanted.Reference.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var rows = page.Locator("#dossiers tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Bris de vitre");
        await Expect(rows).ToContainTextAsync("Urgent");
        await Expect(page.Locator($"#dossiers tr[data-dossier-id='{other.Id}']")).ToHaveCountAsync(0);
        await s.Screenshot("dossiers-search");
        await Clean(s);

        await page.GetByRole(AriaRole.Link, new() { Name = wanted.Reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bris de vitre");
        await Clean(s);
    }

    [Fact]
    public async Task A_confidential_dossier_is_not_found_by_an_outsider()
    {
        var s0 = await Scenario.Create(app, confidential: true);
        var outsider = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, outsider);
        var page = s.Page;

        await page.GotoAsync("/app/dossiers");
        await page.GetByLabel("Search (reference or title)").FillAsync(s0.Dossier.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"No dossier found for “{s0.Dossier.Reference}”")).ToBeVisibleAsync();

        s.ExpectedStatuses.Add(404);
        await page.GotoAsync($"/app/dossiers/{s0.Dossier.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dossier not found");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("it is confidential and you are not one of its participants");
        await Expect(page.GetByText(s0.Dossier.Title)).ToHaveCountAsync(0);
        await s.Screenshot("dossier-confidential-outsider");
        await Clean(s);
    }

    [Fact]
    public async Task Un_expert_lit_en_francais_le_dossier_qui_lui_est_attribue_sans_pouvoir_le_modifier()
    {
        var s0 = await Scenario.Create(app, confidential: true);
        await app.Send(new AssignExpert.Command(s0.Dossier.Id, s0.Expert.Id), s0.Planner);
        await app.Send(new AddParticipant.Command(s0.Dossier.Id, ParticipantKind.Person, "assuré", Name: "Luc Martin", Phone: "+32 470 12 34 56"), s0.Planner);
        await app.Send(new CreateAppointment.Command(s0.Dossier.Id, "Visite", s0.Expert.Id, Scenario.At(9), Scenario.At(10)), s0.Planner);
        await using var s = await AppSession.SignIn(app, s0.Expert, "fr-BE");
        var page = s.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = s0.Dossier.Reference }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dégâts des eaux");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Confidentiel");
        await Expect(page.Locator("#assigned-expert")).ToHaveTextAsync(await NameOf(s0.Expert));
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Usagers" })).ToContainTextAsync("Luc Martin");
        await Expect(page.Locator("#appointment-counts")).ToContainTextAsync("1 planifié");
        await Expect(page.Locator("#appointment-counts")).ToContainTextAsync("0 à planifier");
        await Expect(page.Locator("#appointments tbody")).ToContainTextAsync("23 nov. 2026, 10:00 – 11:00");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tâches" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un participant" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle tâche" })).ToHaveCountAsync(0);
        await s.Screenshot("dossier-expert-fr");
        await Clean(s);
    }
}
