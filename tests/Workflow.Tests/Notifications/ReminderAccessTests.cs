using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Notifications;

/// <summary>The reminder button on the appointment screen: only those who may change the appointment send it.</summary>
public sealed class ReminderAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_expert_not_organising_the_appointment_cannot_send_its_reminder()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var outsider = await app.CreateUser(Roles.Expert);

        var problem = await (await (await app.Client(outsider)).PostAsync($"/appointments/{booked.Id}/remind", null)).Problem(HttpStatusCode.Forbidden);

        problem.Reason().ShouldBe("not-organiser");
        (await app.Send(new SendReminder.Command(booked.Id), s.Expert)).Sent.ShouldBeTrue();
    }

    [Fact]
    public async Task A_planner_who_cannot_see_a_confidential_dossier_is_told_its_appointment_does_not_exist()
    {
        var s = await Scenario.Create(app, confidential: true);
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", UserId: s.Expert.Id), s.Planner);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var otherPlanner = await app.CreateUser(Roles.Planner);

        await (await (await app.Client(otherPlanner)).PostAsync($"/appointments/{booked.Id}/remind", null)).Problem(HttpStatusCode.NotFound);
        (await app.Query(db => System.Threading.Tasks.Task.FromResult(db.Appointments.Single(a => a.Id == booked.Id).ReminderSentAt))).ShouldBeNull();
    }
}
