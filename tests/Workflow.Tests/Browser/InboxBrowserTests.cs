using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The inbox and the task page in a real browser: due dates, badges, filters, who holds a task, marking a task done.</summary>
public sealed class InboxBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<DossierDto> Dossier(TestUser referent, string title, bool urgent = false, bool confidential = false) =>
        await app.Send(new CreateDossier.Command(title, "expertise", referent.Id, Urgent: urgent, Confidential: confidential), referent);

    private async Task<string> NameOf(TestUser user) => (await app.Query(db => db.Users.SingleAsync(u => u.Id == user.Id))).FullName;

    private static ILocator Row(IPage page, string title) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    [Fact]
    public async Task Planner_sees_her_tasks_with_due_dates_and_badges_and_filters_them()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var urgent = await Dossier(planner, "Incendie cuisine", urgent: true);
        var confidential = await Dossier(planner, "Suivi familial", confidential: true);
        var now = app.Clock.GetUtcNow();
        var tag = Tag();
        var late = await app.Send(new CreateTask.Command(urgent.Id, $"Call the insured {tag}", AssigneeId: planner.Id, DueAt: now.AddDays(-1)), planner);
        await app.Send(new CreateTask.Command(confidential.Id, $"Check the report {tag}", CandidateRole: Roles.Planner, DueAt: now.AddDays(2)), planner);
        var archived = await app.Send(new CreateTask.Command(urgent.Id, $"Archive the photos {tag}", AssigneeId: planner.Id), planner);
        await app.Send(new CompleteTask.Command(archived.Id), planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "My tasks" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tasks", Level = 1 })).ToBeVisibleAsync();
        var lateRow = Row(page, $"Call the insured {tag}");
        await Expect(lateRow).ToContainTextAsync("Urgent");
        await Expect(lateRow).ToContainTextAsync("Overdue");
        await Expect(lateRow).ToContainTextAsync(new Regex(@"22 Nov 2026,? 08:00"));
        await Expect(lateRow).ToContainTextAsync("Me");
        await Expect(lateRow.GetByRole(AriaRole.Link, new() { Name = urgent.Reference })).ToHaveAttributeAsync("href", $"/app/dossiers/{urgent.Id}");
        await Expect(lateRow.GetByRole(AriaRole.Link, new() { Name = $"Call the insured {tag}" })).ToHaveAttributeAsync("href", $"/app/tasks/{late.Id}");
        var offeredRow = Row(page, $"Check the report {tag}");
        await Expect(offeredRow).ToContainTextAsync("Confidential");
        await Expect(offeredRow).ToContainTextAsync("Role: planner");
        await Expect(offeredRow).ToContainTextAsync(new Regex(@"25 Nov 2026,? 08:00"));
        await Expect(offeredRow).Not.ToContainTextAsync("Overdue");
        await Expect(offeredRow).Not.ToContainTextAsync("Urgent");
        await Expect(Row(page, $"Archive the photos {tag}")).ToHaveCountAsync(0);
        await s.Screenshot("inbox");

        await page.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/app/tasks\?show=done$"));
        await Expect(Row(page, $"Archive the photos {tag}")).ToContainTextAsync("completed");
        await Expect(lateRow).ToHaveCountAsync(0);

        await offeredRow.Page.GotoAsync("/app/tasks?show=open");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "To do", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(offeredRow).ToBeVisibleAsync();
        await offeredRow.GetByRole(AriaRole.Button, new() { Name = $"Claim Check the report {tag}" }).ClickAsync();
        await Expect(offeredRow).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "In progress", Exact = true }).ClickAsync();
        await Expect(offeredRow).ToContainTextAsync("Me");
        await Expect(offeredRow.GetByRole(AriaRole.Button, new() { Name = $"Release Check the report {tag}" })).ToBeVisibleAsync();

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_planners_know_who_holds_a_task()
    {
        var anna = await app.CreateUser(Roles.Planner);
        var bruno = await app.CreateUser(Roles.Planner);
        var annaName = await NameOf(anna);
        var dossier = await Dossier(anna, "Dégâts des eaux");
        var title = $"Plan the expertise {Tag()}";
        var task = await app.Send(new CreateTask.Command(dossier.Id, title, CandidateRole: Roles.Planner), anna);
        await using var b = await AppSession.SignIn(app, bruno);
        await b.Page.GotoAsync($"/app/tasks/{task.Id}");
        await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToBeVisibleAsync();

        await using (var a = await AppSession.SignIn(app, anna))
        {
            await a.Page.GotoAsync("/app/tasks");
            await Row(a.Page, title).GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" }).ClickAsync();
            await Expect(Row(a.Page, title)).ToContainTextAsync("Me");
            await Expect(Row(a.Page, title)).ToContainTextAsync("in progress");
            a.Problems.ShouldBeEmpty();
        }

        // Bruno's page still offers the task: claiming it is refused, in words, and shows who has it.
        b.ExpectedStatuses.Add(409);
        await b.Page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(b.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A colleague already holds this task");
        await Expect(b.Page.GetByText($"{annaName} has been working on this task since")).ToBeVisibleAsync();
        await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToHaveCountAsync(0);
        await b.Page.GotoAsync("/app/tasks");
        await Expect(Row(b.Page, title)).ToContainTextAsync(annaName);
        await Expect(Row(b.Page, title).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await using (var a = await AppSession.SignIn(app, anna))
        {
            await a.Page.GotoAsync($"/app/tasks/{task.Id}");
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
            await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "released" })).ToBeVisibleAsync();
            await Expect(a.Page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Role: planner" })).ToBeVisibleAsync();
            a.Problems.ShouldBeEmpty();
        }

        await b.Page.ReloadAsync();
        await Expect(Row(b.Page, title)).ToContainTextAsync("Role: planner");
        await Row(b.Page, title).GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" }).ClickAsync();
        await Expect(Row(b.Page, title)).ToContainTextAsync("Me");
        (await app.Send(new GetTask.Query(task.Id), bruno)).AssigneeId.ShouldBe(bruno.Id);

        b.Problems.ShouldBeEmpty();
        (await b.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Planner_opens_a_task_without_a_form_and_marks_it_done()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var dossier = await Dossier(planner, "Vol avec effraction", urgent: true);
        var title = $"Send the quote {Tag()}";
        var task = await app.Send(new CreateTask.Command(dossier.Id, title, "Send the repair quote to the insurer.", AssigneeId: planner.Id,
            DueAt: app.Clock.GetUtcNow().AddHours(5)), planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await page.GotoAsync("/app/tasks");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Send the repair quote to the insurer.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{dossier.Reference} — Vol avec effraction" })).ToHaveAttributeAsync("href", $"/app/dossiers/{dossier.Id}");
        await Expect(page.GetByText(new Regex(@"23 Nov 2026,? 13:00"))).ToBeVisibleAsync();
        await Expect(page.GetByText("Urgent", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("to do", new() { Exact = true })).ToBeVisibleAsync();
        await s.Screenshot("task-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Task done." })).ToBeVisibleAsync();
        await Expect(page.GetByText("completed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" })).ToHaveCountAsync(0);
        (await app.Send(new GetTask.Query(task.Id), planner)).Status.ShouldBe(WorkTaskStatus.Completed);
        await s.Screenshot("task-page-done");

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Planner_sees_the_appointment_a_finished_task_booked()
    {
        var s = await Scenario.Create(app);
        var expertName = await NameOf(s.Expert);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var title = $"Plan the expertise {Tag()}";
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, title, AssigneeId: s.Planner.Id), s.Planner);
        await app.Send(new CompleteTask.Command(task.Id, new JsonObject { ["planning"] = new JsonObject { ["appointmentId"] = appointment.Id.ToString() } }), s.Planner);
        await using var session = await AppSession.SignIn(app, s.Planner);
        var page = session.Page;

        await page.GotoAsync($"/app/tasks/{task.Id}");
        var outcome = page.GetByRole(AriaRole.Region, new() { Name = "What the task caused" });
        await Expect(outcome).ToContainTextAsync(new Regex($@"Appointment booked with {Regex.Escape(expertName)} on .*23 Nov 2026,? 10:00 – 11:00"));
        await Expect(outcome.GetByRole(AriaRole.Link, new() { Name = "Open the appointment" })).ToHaveAttributeAsync("href", $"/app/appointments/{appointment.Id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" })).ToHaveCountAsync(0);
        await session.Screenshot("task-page-outcome");

        session.Problems.ShouldBeEmpty();
        (await session.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_planificatrice_lit_sa_boite_en_francais_sur_son_telephone()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var dossier = await Dossier(planner, "Dégâts des eaux", confidential: true);
        var title = $"Appeler l’assuré {Tag()}";
        await app.Send(new CreateTask.Command(dossier.Id, title, AssigneeId: planner.Id, DueAt: app.Clock.GetUtcNow().AddDays(-2)), planner);
        await using var s = await AppSession.SignIn(app, planner, "fr-BE", viewport: new ViewportSize { Width = 390, Height = 844 });
        var page = s.Page;

        await page.GotoAsync("/app/tasks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes tâches", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Afficher" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "À faire et en cours" })).ToHaveAttributeAsync("aria-pressed", "true");
        var card = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync("Confidentiel");
        await Expect(card).ToContainTextAsync("En retard");
        await Expect(card).ToContainTextAsync("Échéance");
        await Expect(card).ToContainTextAsync("Pris par");
        await Expect(card).ToContainTextAsync("Moi");
        await Expect(card).ToContainTextAsync("à faire");
        await Expect(card).ToContainTextAsync(new Regex(@"21 nov\. 2026,? 08:00"));
        await s.Screenshot("inbox-phone-fr");

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminées" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Aucune tâche terminée." })).ToBeVisibleAsync();

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }
}
