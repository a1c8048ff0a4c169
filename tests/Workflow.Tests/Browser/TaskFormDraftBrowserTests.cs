using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>What a person types into a task's form is not lost: saved as a draft on its own, and when the form is left.</summary>
public sealed class TaskFormDraftBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<(Scenario S, TaskDto Task)> NoteTask()
    {
        var s = await Scenario.Create(app);
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new ImportForm.Command("visit-note", JsonNode.Parse("""
            {"title":"Visit note","display":"form","components":[
              {"type":"textarea","key":"note","label":"What was seen","input":true},
              {"type":"button","key":"submit","label":"Submit","action":"submit","input":true}]}
            """)!.AsObject()), designer);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Write the visit note", AssigneeId: s.Planner.Id, FormKey: "visit-note"), s.Planner);
        return (s, task);
    }

    [Fact]
    public async Task What_is_typed_is_saved_as_a_draft_on_its_own()
    {
        var (s, task) = await NoteTask();
        await using var session = await AppSession.SignIn(app, s.Planner, "en-GB");
        var page = session.Page;
        await page.GotoAsync($"/app/tasks/{task.Id}");
        var note = page.GetByLabel("What was seen");
        await note.FillAsync("Water damage in the kitchen");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved automatically" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await app.Send(new GetTaskForm.Query(task.Id), s.Planner)).Draft!["note"]!.GetValue<string>().ShouldBe("Water damage in the kitchen");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("What was seen")).ToHaveValueAsync("Water damage in the kitchen", new() { Timeout = 30_000 });
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Leaving_the_form_at_once_keeps_what_was_typed()
    {
        var (s, task) = await NoteTask();
        await using var session = await AppSession.SignIn(app, s.Planner, "en-GB");
        var page = session.Page;
        await page.GotoAsync($"/app/tasks/{task.Id}");
        await page.GetByLabel("What was seen").FillAsync("Cracks in the wall");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Changes not saved yet" })).ToBeVisibleAsync();

        // Straight to the dossier, before the draft's own save.
        await page.GetByRole(AriaRole.Link, new() { Name = s.Dossier.Reference, Exact = false }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(s.Dossier.Title);
        await Eventually.Until(async () => (await app.Send(new GetTaskForm.Query(task.Id), s.Planner)).Draft?["note"]?.GetValue<string>() == "Cracks in the wall",
            TimeSpan.FromSeconds(15), "The draft saved on leaving");

        await page.GoBackAsync();
        await Expect(page.GetByLabel("What was seen")).ToHaveValueAsync("Cracks in the wall", new() { Timeout = 30_000 });
        session.Problems.ShouldBeEmpty();
    }
}
