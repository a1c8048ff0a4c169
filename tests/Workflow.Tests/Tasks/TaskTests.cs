using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Common;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Tasks;

public sealed class TaskTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_task_offered_to_a_role_is_claimed_then_completed_with_its_data()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);
        var task = await (await client.Post("/tasks", new { dossierId = s.Dossier.Id, title = "Call the insured", candidateRole = "expert" }))
            .Read<TaskDto>(HttpStatusCode.Created);
        task.Status.ShouldBe(WorkTaskStatus.Open);
        task.Origin.ShouldBe(TaskOriginKind.Manual);

        var expertClient = await app.Client(s.Expert);
        var inbox = await (await expertClient.GetAsync("/tasks/mine")).Read<List<TaskDto>>();
        inbox.ShouldContain(t => t.Id == task.Id);

        var claimed = await (await expertClient.PostAsync($"/tasks/{task.Id}/claim", null)).Read<TaskDto>();
        claimed.Status.ShouldBe(WorkTaskStatus.InProgress);
        claimed.AssigneeId.ShouldBe(s.Expert.Id);
        claimed.StartedAt.ShouldBe(app.Clock.GetUtcNow());

        var completed = await (await expertClient.Post($"/tasks/{task.Id}/complete", new { data = new { slot = "2026-11-23T09:00:00Z" } })).Read<TaskDto>();
        completed.Status.ShouldBe(WorkTaskStatus.Completed);
        completed.Data!["slot"]!.GetValue<string>().ShouldBe("2026-11-23T09:00:00Z");
        app.Events.Of<TaskCreated>().ShouldContain(e => e.TaskId == task.Id);
        app.Events.Of<TaskCompleted>().ShouldContain(e => e.TaskId == task.Id && e.CompletedById == s.Expert.Id);
        (await (await expertClient.GetAsync("/tasks/mine")).Read<List<TaskDto>>()).ShouldNotContain(t => t.Id == task.Id);
    }

    [Fact]
    public async Task A_completed_task_cannot_be_reopened_claimed_or_cancelled()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Write the report", AssigneeId: s.Expert.Id), s.Planner);
        await app.Send(new CompleteTask.Command(task.Id, new JsonObject { ["report"] = "ok" }), s.Expert);

        (await Should.ThrowAsync<DomainException>(() => app.Send(new ClaimTask.Command(task.Id), s.Expert))).Reason.ShouldBe("illegal-status-change");
        (await Should.ThrowAsync<DomainException>(() => app.Send(new CompleteTask.Command(task.Id, null), s.Expert))).Reason.ShouldBe("illegal-status-change");
        (await Should.ThrowAsync<DomainException>(() => app.Send(new CancelTask.Command(task.Id, "oops"), s.Planner))).Reason.ShouldBe("illegal-status-change");
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).Data!["report"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task Someone_else_cannot_complete_an_assigned_task()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Write the report", AssigneeId: s.Expert.Id), s.Planner);
        var other = await app.Client(await app.CreateUser(Roles.Expert));

        var problem = await (await other.Post($"/tasks/{task.Id}/complete", new { })).Problem(HttpStatusCode.Forbidden);

        problem.Reason().ShouldBe("not-assignee");
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).Status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task A_task_needs_someone_to_do_it()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var problem = await (await client.Post("/tasks", new { dossierId = s.Dossier.Id, title = "Orphan" })).Problem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("assigneeId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_dossier_lists_its_tasks()
    {
        var s = await Scenario.Create(app);
        await app.Send(new CreateTask.Command(s.Dossier.Id, "One", CandidateRole: Roles.Planner), s.Planner);
        await app.Send(new CreateTask.Command(s.Dossier.Id, "Two", AssigneeId: s.Expert.Id, DueAt: Scenario.At(17)), s.Planner);

        var tasks = await app.Send(new DossierTasks.Query(s.Dossier.Id), s.Expert);

        tasks.Select(t => t.Title).ShouldBe(["One", "Two"]);
        tasks[1].DueAt.ShouldBe(Scenario.At(17));
    }
}
