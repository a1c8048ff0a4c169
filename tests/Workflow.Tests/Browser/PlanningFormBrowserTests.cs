using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The plan-appointment form in a real browser: @formio/js renders it with our appointmentPlanner component.</summary>
public sealed class PlanningFormBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_planner_signs_in_opens_the_planning_task_picks_an_experts_slot_and_the_appointment_is_booked()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the expertise appointment", AssigneeId: s.Planner.Id, FormKey: "plan-appointment"), s.Planner);
        // The characteristics page, as a planner would have filled it in before leaving for lunch.
        await app.Send(new SaveTaskDraft.Command(task.Id, new JsonObject
        {
            ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-23T11:30:00Z", ["durationMinutes"] = 60,
        }), s.Planner);
        var expertName = await app.Query(db => db.Users.Where(u => u.Id == s.Expert.Id).Select(u => u.FullName).SingleAsync());

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        // Nothing may come from outside (cdn.form.io) or fail, except the "who am I" calls before signing in.
        // (A navigation aborts the fetches whose bodies nobody read: net::ERR_ABORTED is not a failure.)
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
                problems.Add($"request failed: {request.Url} {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status == 401 && page.Url.EndsWith('/')))
                problems.Add($"{response.Status} {response.Url}");
        };
        context.SetDefaultTimeout(20_000);

        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(s.Planner.Email);
        await page.GetByLabel("Mot de passe / password").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter / Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{s.Dossier.Reference} · Plan the expertise appointment" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Fill in the form.");
        await Expect(page.Locator(".dossier-summary")).ToContainTextAsync(s.Dossier.Reference);
        for (var i = 0; i < 3; i++)
            await page.Locator("button.btn-wizard-nav-next").ClickAsync();

        var expert = page.Locator($".planner-person[data-user-id='{s.Expert.Id}']");
        await Expect(expert.Locator("h4")).ToContainTextAsync(expertName);
        await expert.Locator("button.planner-slot").First.ClickAsync();
        await Expect(page.Locator(".planner-chosen")).ToContainTextAsync("Chosen");
        await page.Locator("button.btn-wizard-nav-next").ClickAsync();
        await page.Locator("input[name='data[confirmed]']").CheckAsync();
        await page.Locator("button.btn-wizard-nav-submit").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Task completed.");
        problems.ShouldBeEmpty();
        var done = await app.Send(new GetTask.Query(task.Id), s.Planner);
        done.Status.ShouldBe(WorkTaskStatus.Completed);
        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.TaskId == task.Id));
        booked.Status.ShouldBe(AppointmentStatus.Planned);
        booked.MainUserId.ShouldBe(s.Expert.Id);
        (booked.Start, booked.End).ShouldBe((Scenario.At(8), Scenario.At(9)));
        done.Data!["planning"]!["appointmentId"]!.GetValue<string>().ShouldBe(booked.Id.ToString());
    }
}
