using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Tasks;

public sealed class ReleaseTaskTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_planner_gives_back_a_role_task_and_a_colleague_takes_it()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Planner);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the visit", CandidateRole: Roles.Planner), s.Planner);
        var claimed = await app.Send(new ClaimTask.Command(task.Id), s.Planner);
        claimed.AssigneeName.ShouldNotBeNullOrEmpty();

        var client = await app.Client(s.Planner);
        var released = await (await client.PostAsync($"/tasks/{task.Id}/release", null)).Read<TaskDto>();

        released.Status.ShouldBe(WorkTaskStatus.Open);
        released.AssigneeId.ShouldBeNull();
        released.AssigneeName.ShouldBeNull();
        released.StartedAt.ShouldBeNull();
        app.Events.Of<TaskReleased>().ShouldContain(e => e.TaskId == task.Id && e.FormerHolderId == s.Planner.Id && e.By == s.Planner.Id);
        (await app.Send(new ClaimTask.Command(task.Id), colleague)).AssigneeId.ShouldBe(colleague.Id);
    }

    [Fact]
    public async Task Only_the_holder_or_an_administrator_releases_a_task()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Planner);
        var admin = await app.CreateUser(Roles.Admin);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the visit", CandidateRole: Roles.Planner), s.Planner);
        await app.Send(new ClaimTask.Command(task.Id), s.Planner);

        var problem = await (await (await app.Client(colleague)).PostAsync($"/tasks/{task.Id}/release", null)).Problem(HttpStatusCode.Forbidden);
        problem.Reason().ShouldBe("not-holder");
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).AssigneeId.ShouldBe(s.Planner.Id);

        var released = await app.Send(new ReleaseTask.Command(task.Id), admin);
        released.AssigneeId.ShouldBeNull();
        app.Events.Of<TaskReleased>().ShouldContain(e => e.TaskId == task.Id && e.FormerHolderId == s.Planner.Id && e.By == admin.Id);
    }

    [Fact]
    public async Task A_task_made_for_one_person_stays_theirs_when_released()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Write the report", AssigneeId: s.Expert.Id), s.Planner);
        await app.Send(new ClaimTask.Command(task.Id), s.Expert);

        var released = await app.Send(new ReleaseTask.Command(task.Id), s.Expert);

        released.Status.ShouldBe(WorkTaskStatus.Open);
        released.AssigneeId.ShouldBe(s.Expert.Id);
    }

    [Fact]
    public async Task An_unheld_or_finished_task_cannot_be_released()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the visit", CandidateRole: Roles.Planner), s.Planner);

        (await Should.ThrowAsync<DomainException>(() => app.Send(new ReleaseTask.Command(task.Id), s.Planner))).Reason.ShouldBe("not-held");

        await app.Send(new CompleteTask.Command(task.Id), s.Planner);
        (await Should.ThrowAsync<DomainException>(() => app.Send(new ReleaseTask.Command(task.Id), s.Planner))).Reason.ShouldBe("illegal-status-change");
    }

    [Fact]
    public async Task The_inbox_shows_role_tasks_held_by_a_colleague_with_their_name()
    {
        var s = await Scenario.Create(app, confidential: false);
        var colleague = await app.CreateUser(Roles.Planner);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the visit", CandidateRole: Roles.Planner), s.Planner);
        await app.Send(new ClaimTask.Command(task.Id), colleague);
        var colleagueName = await app.Query(db => Task.FromResult(db.Users.Single(u => u.Id == colleague.Id).FullName));

        var inbox = await app.Send(new MyTasks.Query(), s.Planner);

        var row = inbox.Single(t => t.Id == task.Id);
        row.AssigneeId.ShouldBe(colleague.Id);
        row.AssigneeName.ShouldBe(colleagueName);
        row.DossierTitle.ShouldBe(s.Dossier.Title);
        row.Confidential.ShouldBeFalse();
        (await Should.ThrowAsync<DomainException>(() => app.Send(new ClaimTask.Command(task.Id), s.Planner))).Reason.ShouldBe("already-assigned");
    }
}
