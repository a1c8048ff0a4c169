using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

public sealed class ConfidentialityTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_confidential_dossier_its_tasks_and_appointments_are_hidden_from_everyone_not_entitled()
    {
        var s = await Scenario.Create(app, confidential: true);
        var participant = await app.CreateUser(Roles.Expert);
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", participant.Id), s.Planner);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Sensitive", CandidateRole: Roles.Planner), s.Planner);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Home visit", participant.Id, Scenario.At(9), Scenario.At(10)), participant);
        var admin = await app.CreateUser(Roles.Admin);
        var outsiderPlanner = await app.CreateUser(Roles.Planner);

        string[] urls = [$"/dossiers/{s.Dossier.Id}", $"/dossiers/{s.Dossier.Id}/tasks", $"/dossiers/{s.Dossier.Id}/appointments", $"/tasks/{task.Id}", $"/appointments/{appointment.Id}"];
        foreach (var entitled in new[] { s.Planner /* referent */, participant, admin })
        {
            var client = await app.Client(entitled);
            foreach (var url in urls)
                (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        var outsider = await app.Client(outsiderPlanner);
        foreach (var url in urls)
            await (await outsider.GetAsync(url)).Problem(HttpStatusCode.NotFound);
        (await (await outsider.GetAsync("/dossiers")).Read<List<DossierDto>>()).ShouldNotContain(d => d.Id == s.Dossier.Id);
        // The task is offered to planners, but not to a planner who may not see the dossier.
        (await (await outsider.GetAsync("/tasks/mine")).Read<List<TaskDto>>()).ShouldNotContain(t => t.Id == task.Id);
        await (await outsider.PostAsync($"/tasks/{task.Id}/claim", null)).Problem(HttpStatusCode.NotFound);
        await (await outsider.Post($"/appointments/{appointment.Id}/cancel", new { reason = "x" })).Problem(HttpStatusCode.NotFound);
        await (await outsider.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "person", role = "spy", name = "Eve" })).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task On_a_confidential_dossier_only_entitled_users_are_booked_or_invited()
    {
        var s = await Scenario.Create(app, confidential: true);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner));

        refused.Reason.ShouldBe("not-entitled");
        refused.Message.ShouldContain(s.Expert.Id.ToString());
    }

    [Fact]
    public async Task An_ordinary_dossier_is_visible_to_all_staff()
    {
        var s = await Scenario.Create(app);
        var designer = await app.Client(await app.CreateUser(Roles.Designer));

        (await (await designer.GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>()).Reference.ShouldBe(s.Dossier.Reference);
    }
}
