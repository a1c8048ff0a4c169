using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Forms;

public sealed class TaskFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static JsonObject Report(bool withSummary) => JsonNode.Parse($$"""
        {
          "components": [
            { "type": "textfield", "key": "title", "input": true, "validate": { "required": true, "maxLength": 20 } },
            { "type": "datagrid", "key": "rooms", "input": true, "components": [
              { "type": "email", "key": "contact", "input": true, "validate": { "required": true } } ] }
            {{(withSummary ? """, { "type": "textarea", "key": "summary", "input": true, "validate": { "required": true } }""" : "")}}
          ]
        }
        """)!.AsObject();

    private async Task<(Scenario S, TaskDto Task)> TaskWithForm(string key)
    {
        var s = await Scenario.Create(app);
        await app.Send(new ImportForm.Command(key, Report(false)), s.Planner);
        var task = await app.Send(new Workflow.Application.Tasks.CreateTask.Command(s.Dossier.Id, "Report", AssigneeId: s.Expert.Id, FormKey: key), s.Planner);
        return (s, task);
    }

    [Fact]
    public async Task An_invalid_submission_is_a_422_with_one_error_per_field_and_the_task_stays_open()
    {
        var (s, task) = await TaskWithForm("report-invalid");
        var client = await app.Client(s.Expert);

        var problem = await (await client.Post($"/tasks/{task.Id}/form/submit",
            new { data = new { title = "far too long a title for this field", rooms = new[] { new { contact = "" }, new { contact = "not-mail" } } } }))
            .Problem(HttpStatusCode.UnprocessableEntity);

        problem.Reason().ShouldBe("invalid-submission");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("rule").GetString())).ToList();
        errors.ShouldBe([("title", "maxLength"), ("rooms[0].contact", "required"), ("rooms[1].contact", "email")], ignoreOrder: true);
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldNotBeNullOrWhiteSpace();
        (await app.Send(new GetTask.Query(task.Id), s.Expert)).Status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task A_unique_field_refuses_a_value_an_earlier_submission_of_the_form_holds()
    {
        var s = await Scenario.Create(app);
        var schema = JsonNode.Parse("""{ "components": [ { "type": "textfield", "key": "claim", "input": true, "unique": true } ] }""")!.AsObject();
        await app.Send(new ImportForm.Command("claim-number", schema), s.Planner);
        var first = await app.Send(new CreateTask.Command(s.Dossier.Id, "Claim", AssigneeId: s.Expert.Id, FormKey: "claim-number"), s.Planner);
        var second = await app.Send(new CreateTask.Command(s.Dossier.Id, "Claim again", AssigneeId: s.Expert.Id, FormKey: "claim-number"), s.Planner);
        var client = await app.Client(s.Expert);

        (await client.Post($"/tasks/{first.Id}/form/submit", new { data = new { claim = "SIN-42" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var problem = await (await client.Post($"/tasks/{second.Id}/form/submit", new { data = new { claim = "SIN-42" } })).Problem(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("rule").GetString())).ShouldBe([("claim", "unique")]);
        (await client.Post($"/tasks/{second.Id}/form/submit", new { data = new { claim = "SIN-43" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Messages_follow_the_accept_language()
    {
        var (s, task) = await TaskWithForm("report-french");
        var client = await app.Client(s.Expert);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/tasks/{task.Id}/form/submit") { Content = JsonContent.Create(new { data = new { } }) };
        request.Headers.AcceptLanguage.ParseAdd("fr-BE");

        var problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ShouldContain(m => m!.Contains("obligatoire"));
    }

    [Fact]
    public async Task A_draft_is_kept_then_a_valid_submission_completes_the_task_with_the_version_recorded()
    {
        var (s, task) = await TaskWithForm("report-valid");
        var client = await app.Client(s.Expert);

        var saved = await (await client.PutAsJsonAsync($"/tasks/{task.Id}/form/draft", new { data = new { title = "half" } }, AppFixture.Json)).Read<TaskFormView>();
        saved.DraftSavedAt.ShouldBe(app.Clock.GetUtcNow());
        var view = await (await client.GetAsync($"/tasks/{task.Id}/form")).Read<TaskFormView>();
        view.Draft!["title"]!.GetValue<string>().ShouldBe("half");
        view.Form.Key.ShouldBe("report-valid");

        // A later version adds a required field; the task still answers to the version it pinned.
        await app.Send(new ImportForm.Command("report-valid", Report(true)), s.Planner);
        var done = await (await client.Post($"/tasks/{task.Id}/form/submit",
            new { data = new { title = "Kitchen", rooms = new[] { new { contact = "a@b.be" } } } })).Read<TaskDto>();

        done.Status.ShouldBe(WorkTaskStatus.Completed);
        done.Data!["title"]!.GetValue<string>().ShouldBe("Kitchen");
        var submission = await app.Query(db => db.Set<FormSubmission>().SingleAsync(x => x.TaskId == task.Id));
        (submission.FormKey, submission.FormVersion).ShouldBe(("report-valid", 1));
        (await app.Query(db => db.Set<TaskFormDraft>().AnyAsync(d => d.TaskId == task.Id))).ShouldBeFalse();
        app.Events.Of<TaskCompleted>().ShouldContain(e => e.TaskId == task.Id);
        (await (await client.Post($"/tasks/{task.Id}/form/submit", new { data = new { } })).Problem(HttpStatusCode.Conflict))
            .Reason().ShouldBe("illegal-status-change");
    }

    [Fact]
    public async Task Only_who_may_complete_the_task_fills_in_its_form()
    {
        var (_, task) = await TaskWithForm("report-other");
        var other = await app.Client(await app.CreateUser(Roles.Expert));

        (await (await other.PutAsJsonAsync($"/tasks/{task.Id}/form/draft", new { data = new { } })).Problem(HttpStatusCode.Forbidden)).Reason().ShouldBe("not-assignee");
        (await (await other.Post($"/tasks/{task.Id}/form/submit", new { data = new { title = "x" } })).Problem(HttpStatusCode.Forbidden)).Reason().ShouldBe("not-assignee");
    }

    [Fact]
    public async Task A_task_with_a_form_cannot_be_completed_around_it()
    {
        var (s, task) = await TaskWithForm("report-bypass");
        var client = await app.Client(s.Expert);

        var problem = await (await client.Post($"/tasks/{task.Id}/complete", new { data = new { title = "unchecked" } })).Problem(HttpStatusCode.UnprocessableEntity);

        problem.Reason().ShouldBe("form-required");
        (await app.Send(new GetTask.Query(task.Id), s.Expert)).Status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task A_task_without_a_form_has_no_form_to_fill()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new Workflow.Application.Tasks.CreateTask.Command(s.Dossier.Id, "Call", AssigneeId: s.Expert.Id), s.Planner);
        var client = await app.Client(s.Expert);

        (await (await client.GetAsync($"/tasks/{task.Id}/form")).Problem(HttpStatusCode.UnprocessableEntity)).Reason().ShouldBe("no-form");
        var missing = await (await client.Post($"/tasks/{task.Id}/form/submit", new { })).Problem(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").TryGetProperty("data", out JsonElement _).ShouldBeTrue();
    }
}
