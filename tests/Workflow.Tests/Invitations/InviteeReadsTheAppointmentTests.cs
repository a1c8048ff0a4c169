using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Invitations;

/// <summary>An invitee opens the appointment from "my invitations" before answering: the read must let them.</summary>
public sealed class InviteeReadsTheAppointmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_invitee_reads_the_appointment_with_who_else_is_invited(bool confidential)
    {
        var s = await Scenario.Create(app, confidential);
        var colleague = await app.CreateUser(Roles.Expert);
        var other = await app.CreateUser(Roles.Expert);
        // On a confidential dossier only those taking part may be invited.
        if (confidential)
        {
            await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", UserId: s.Expert.Id), s.Planner);
            await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "colleague", UserId: colleague.Id), s.Planner);
            await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "colleague", UserId: other.Id), s.Planner);
        }
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            UserIds: [colleague.Id, other.Id]), s.Planner);

        var read = await (await (await app.Client(colleague)).GetAsync($"/appointments/{booked.Id}")).Read<AppointmentDto>();

        read.Title.ShouldBe("Expertise");
        read.Invitations.Select(i => i.UserId).ShouldBe([colleague.Id, other.Id], ignoreOrder: true);
        (await (await (await app.Client(colleague)).GetAsync($"/appointments/{booked.Id}/documents")).Read<List<Workflow.Application.Documents.DocumentDto>>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_neither_invited_nor_taking_part_does_not_see_an_appointment_of_a_confidential_dossier()
    {
        var s = await Scenario.Create(app, confidential: true);
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", UserId: s.Expert.Id), s.Planner);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var stranger = await app.CreateUser(Roles.Expert);

        await (await (await app.Client(stranger)).GetAsync($"/appointments/{booked.Id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_invitee_taken_off_a_confidential_dossier_no_longer_finds_the_invitation_they_could_not_open()
    {
        var s = await Scenario.Create(app, confidential: true);
        var colleague = await app.CreateUser(Roles.Expert);
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", UserId: s.Expert.Id), s.Planner);
        var taking = await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "colleague", UserId: colleague.Id), s.Planner);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10), UserIds: [colleague.Id]), s.Planner);
        var client = await app.Client(colleague);
        (await (await client.GetAsync("/invitations/mine")).Read<List<Workflow.Application.Invitations.MyInvitationDto>>()).Single().AppointmentId.ShouldBe(booked.Id);

        await app.Send(new RemoveParticipant.Command(s.Dossier.Id, taking.Id), s.Planner);

        (await (await client.GetAsync("/invitations/mine")).Read<List<Workflow.Application.Invitations.MyInvitationDto>>()).ShouldBeEmpty();
        (await (await client.GetAsync("/invitations/mine/count")).Read<Workflow.Application.Invitations.PendingInvitationCount.Result>()).Pending.ShouldBe(0);
        await (await client.GetAsync($"/appointments/{booked.Id}")).Problem(HttpStatusCode.NotFound);
    }
}
