using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Invitations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Invitations;

public sealed class InvitationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(Scenario S, TestUser Colleague, AppointmentDto Appointment)> Invite()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var insured = await app.Send(new Workflow.Application.Dossiers.AddParticipant.Command(s.Dossier.Id,
            Workflow.Application.Dossiers.ParticipantKind.Person, "insured", Name: "Gisèle LAFRAISE", Email: "gisele@example.org"), s.Planner);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            ParticipantIds: [insured.Id], UserIds: [s.Expert.Id, colleague.Id]), s.Planner);
        return (s, colleague, appointment);
    }

    [Fact]
    public async Task Concerned_internal_users_other_than_the_main_user_are_invited()
    {
        var (s, colleague, appointment) = await Invite();

        appointment.Invitations.Select(i => i.UserId).ShouldBe([colleague.Id]);
        appointment.Invitations[0].Status.ShouldBe(InvitationStatus.Pending);
        appointment.Parties.Count.ShouldBe(3);
        appointment.Parties.ShouldContain(p => p.Kind == PartyKind.Participant && p.Name == "Gisèle LAFRAISE" && p.Role == "insured");
        app.Events.Of<InvitationSent>().ShouldContain(e => e.AppointmentId == appointment.Id && e.UserId == colleague.Id);
        s.Expert.Id.ShouldBe(appointment.MainUserId!.Value);
    }

    [Fact]
    public async Task The_pending_count_rises_and_falls_as_the_invitee_answers()
    {
        var colleagueCount = async (TestUser u) =>
            (await (await (await app.Client(u)).GetAsync("/invitations/mine/count")).Read<PendingInvitationCount.Result>()).Pending;
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        (await colleagueCount(colleague)).ShouldBe(0);

        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            UserIds: [colleague.Id]), s.Planner);
        (await colleagueCount(colleague)).ShouldBe(1);

        var client = await app.Client(colleague);
        var mine = await (await client.GetAsync("/invitations/mine")).Read<List<MyInvitationDto>>();
        mine.Single().AppointmentId.ShouldBe(appointment.Id);
        mine.Single().DossierReference.ShouldBe(s.Dossier.Reference);

        var answer = await (await client.Post($"/invitations/{mine.Single().Id}/answer", new { answer = "tentative" })).Read<InvitationDto>();
        answer.Status.ShouldBe(InvitationStatus.Tentative);
        (await colleagueCount(colleague)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_invitee_answers_their_invitation()
    {
        var (s, _, appointment) = await Invite();
        var invitation = appointment.Invitations.Single();

        foreach (var intruder in new[] { s.Planner, s.Expert })
        {
            var client = await app.Client(intruder);
            var problem = await (await client.Post($"/invitations/{invitation.Id}/answer", new { answer = "declined" })).Problem(HttpStatusCode.Forbidden);
            problem.Reason().ShouldBe("not-invitee");
        }

        (await app.Send(new GetAppointment.Query(appointment.Id), s.Planner)).Invitations.Single().Status.ShouldBe(InvitationStatus.Pending);
    }

    [Fact]
    public async Task Answering_again_replaces_the_answer_and_every_answer_is_kept_and_published()
    {
        var (s, colleague, appointment) = await Invite();
        var invitationId = appointment.Invitations.Single().Id;

        await app.Send(new AnswerInvitation.Command(invitationId, InvitationStatus.Accepted), colleague);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Send(new AnswerInvitation.Command(invitationId, InvitationStatus.Declined, "Sick"), colleague);

        var now = await app.Send(new GetAppointment.Query(appointment.Id), s.Planner);
        now.Invitations.Single().Status.ShouldBe(InvitationStatus.Declined);
        now.Invitations.Single().Comment.ShouldBe("Sick");
        var history = await app.Query(db => Task.FromResult(db.Invitations.Where(i => i.Id == invitationId).SelectMany(i => i.Answers).OrderBy(a => a.At).Select(a => a.Status).ToList()));
        history.ShouldBe([InvitationStatus.Accepted, InvitationStatus.Declined]);
        app.Events.Of<InvitationAnswered>().Where(e => e.InvitationId == invitationId).Select(e => e.Answer).ShouldBe([InvitationStatus.Accepted, InvitationStatus.Declined]);
    }

    [Fact]
    public async Task Pending_is_not_an_answer()
    {
        var (_, colleague, appointment) = await Invite();
        var client = await app.Client(colleague);

        var problem = await (await client.Post($"/invitations/{appointment.Invitations.Single().Id}/answer", new { answer = "pending" })).Problem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("answer", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_appointment_can_no_longer_be_answered()
    {
        var (s, colleague, appointment) = await Invite();
        await app.Send(new CancelAppointment.Command(appointment.Id, "Storm"), s.Planner);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new AnswerInvitation.Command(appointment.Invitations.Single().Id, InvitationStatus.Accepted), colleague));

        refused.Reason.ShouldBe("appointment-not-planned");
    }

    [Fact]
    public async Task Rescheduling_asks_the_invitees_again()
    {
        var (s, colleague, appointment) = await Invite();
        await app.Send(new AnswerInvitation.Command(appointment.Invitations.Single().Id, InvitationStatus.Accepted), colleague);

        var moved = await app.Send(new RescheduleAppointment.Command(appointment.Id, Scenario.At(10), Scenario.At(11)), s.Planner);

        moved.Invitations.Single().Status.ShouldBe(InvitationStatus.Pending);
    }
}
