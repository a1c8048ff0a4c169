using System.Net;
using Workflow.Application.Agendas;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Matching;
using Workflow.Application.Scheduling;
using Workflow.Application.Skills;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Matching;

public sealed class ExpertMatchingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateTimeOffset T(int day, int h, int m = 0) => new(2026, 11, day, h, m, 0, TimeSpan.Zero);

    private async Task<(TestUser Planner, DossierDto Dossier, Dictionary<string, TestUser> Experts)> World()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var skill = $"water-{Guid.NewGuid():N}"[..20];
        await app.Send(new CreateSkill.Command(skill, "Dégâts des eaux"), admin);
        var planner = await app.CreateUser(Roles.Planner);
        var gembloux = await app.Send(new CreateLocation.Command("Gembloux", new Address("Gembloux", 50.5613, 4.6986), LocationKind.Office), planner);
        var lille = await app.Send(new CreateLocation.Command("Lille", new Address("Lille", 50.6366, 3.0635), LocationKind.Office), planner);
        var experts = new Dictionary<string, TestUser>
        {
            ["near"] = await app.CreateUser([skill], Roles.Expert),
            ["far"] = await app.CreateUser([skill], Roles.Expert),
            ["busy"] = await app.CreateUser([skill], Roles.Expert),
            ["unskilled"] = await app.CreateUser(Roles.Expert),
            ["planner-with-skill"] = await app.CreateUser([skill], Roles.Planner),
        };
        await app.Send(new AddAvailabilityRange.Command(experts["near"].Id, T(24, 8), T(24, 12), gembloux.Id), planner);
        await app.Send(new AddAvailabilityRange.Command(experts["far"].Id, T(24, 8), T(24, 12), lille.Id), planner);
        await app.Send(new AddAvailabilityRange.Command(experts["busy"].Id, T(24, 8), T(24, 10), gembloux.Id), planner);
        await app.Send(new AddAvailabilityRange.Command(experts["unskilled"].Id, T(24, 8), T(24, 12), gembloux.Id), planner);
        await app.Send(new AddAvailabilityRange.Command(experts["planner-with-skill"].Id, T(24, 8), T(24, 12), gembloux.Id), planner);
        var dossier = await app.Send(new CreateDossier.Command("Fuite", "expertise", planner.Id, RequiredSkills: [skill],
            Address: new Address("Rue des Fleurs 12, Gembloux", 50.566, 4.692)), planner);
        // "busy" has its only range filled.
        var other = await app.Send(new CreateDossier.Command("Autre", "expertise", planner.Id), planner);
        await app.Send(new CreateAppointment.Command(other.Id, "Taken", experts["busy"].Id, T(24, 8), T(24, 10)), planner);
        return (planner, dossier, experts);
    }

    [Fact]
    public async Task Experts_who_fit_are_ranked_nearest_first_with_their_reasons_and_slots()
    {
        var (planner, dossier, experts) = await World();

        var matches = await app.Send(new FindExperts.Query(dossier.Id, T(24, 0), T(25, 0), 60), planner);

        matches.Select(m => m.UserId).ShouldBe([experts["near"].Id, experts["far"].Id]);
        var near = matches[0];
        near.DistanceKm!.Value.ShouldBeLessThan(1);
        near.FirstSlot.ShouldBe(T(24, 8));
        near.Slots.Select(s => s.Start).ShouldBe([T(24, 8), T(24, 9), T(24, 10)]);
        near.Slots[0].LocationName.ShouldBe("Gembloux");
        near.Penalties.Distance.ShouldBeLessThan(matches[1].Penalties.Distance);
        near.Score.ShouldBe(100 - near.Penalties.Distance - near.Penalties.Earliness - near.Penalties.Workload, 0.01);
        matches[1].DistanceKm!.Value.ShouldBe(115, 2);
    }

    [Fact]
    public async Task The_expert_already_on_the_dossier_comes_first()
    {
        var (planner, dossier, experts) = await World();
        await app.Send(new AssignExpert.Command(dossier.Id, experts["far"].Id), planner);

        var matches = await app.Send(new FindExperts.Query(dossier.Id, T(24, 0), T(25, 0), 60), planner);

        matches[0].UserId.ShouldBe(experts["far"].Id);
        matches[0].AlreadyAssigned.ShouldBeTrue();
    }

    [Fact]
    public async Task A_booking_leaves_travel_time_before_the_next_slot()
    {
        var (planner, dossier, experts) = await World();
        await app.Send(new CreateAppointment.Command(dossier.Id, "First visit", experts["near"].Id, T(24, 8), T(24, 9),
            Place: new Address("Namur", 50.4633, 4.8662)), planner);

        var near = (await app.Send(new FindExperts.Query(dossier.Id, T(24, 0), T(25, 0), 60), planner)).Single(m => m.UserId == experts["near"].Id);

        // Namur → Gembloux is about 16 km: 20 minutes, so 09:30 on the quarter-hour grid.
        near.FirstSlot.ShouldBe(T(24, 9, 30));
        near.Workload.ShouldBe(1);
    }

    [Fact]
    public async Task External_busy_times_block_slots()
    {
        var (planner, dossier, experts) = await World();
        await app.Query(async db =>
        {
            db.ExternalBusyTimes.Add(new Workflow.Application.Calendars.ExternalBusyTime(experts["near"].Id, null, T(24, 8), T(24, 11)));
            return await db.SaveChangesAsync();
        });

        var near = (await app.Send(new FindExperts.Query(dossier.Id, T(24, 0), T(25, 0), 60), planner)).Single(m => m.UserId == experts["near"].Id);

        near.Slots.Select(s => s.Start).ShouldBe([T(24, 11)]);
    }

    [Fact]
    public async Task Agendas_show_the_layers_asked_for_and_hide_what_the_viewer_may_not_see()
    {
        var (planner, dossier, experts) = await World();
        var near = experts["near"];
        var secretReferent = await app.CreateUser(Roles.Planner);
        var secret = await app.Send(new CreateDossier.Command("Secret", "follow-up", secretReferent.Id, Confidential: true), secretReferent);
        await app.Send(new AddParticipant.Command(secret.Id, ParticipantKind.InternalUser, "expert", near.Id), secretReferent);
        await app.Send(new CreateAppointment.Command(secret.Id, "Confidential visit", near.Id, T(24, 11), T(24, 12)), secretReferent);
        await app.Send(new CreateAppointment.Command(dossier.Id, "Visible visit", near.Id, T(24, 8), T(24, 9)), planner);
        var client = await app.Client(planner);

        var agendas = await (await client.GetAsync($"/agendas?users={near.Id},{experts["far"].Id}&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z&external=false&slotMinutes=60&latitude=50.566&longitude=4.692"))
            .Read<List<UserAgenda>>();

        agendas.Select(a => a.UserId).ShouldBe([near.Id, experts["far"].Id]);
        var agenda = agendas[0];
        agenda.Ranges!.Single().LocationName.ShouldBe("Gembloux");
        agenda.External.ShouldBeNull();
        agenda.Appointments.Select(a => a.Title).ShouldBe(["Visible visit", "Busy"]);
        agenda.Appointments[1].Hidden.ShouldBeTrue();
        agenda.Appointments[1].DossierId.ShouldBeNull();
        // Same place as the 08:00 visit: no travel; the hidden one's place is unknown: 30 minutes before it.
        agenda.FreeSlots!.Select(s => s.Start).ShouldBe([T(24, 9)]);
        agenda.Appointments[0].Where!.Latitude.ShouldBe(50.566);

        var withoutRanges = await (await client.GetAsync($"/agendas?users={near.Id}&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z&availability=false")).Read<List<UserAgenda>>();
        withoutRanges[0].Ranges.ShouldBeNull();
        withoutRanges[0].External.ShouldNotBeNull();
    }

    [Fact]
    public async Task Changing_the_expert_moves_the_appointment_between_agendas()
    {
        var (planner, dossier, experts) = await World();
        var booked = await app.Send(new BookAppointment.Command(dossier.Id, "Expertise", experts["near"].Id, T(24, 9), T(24, 10), AssignAsExpert: true), planner);
        (await app.Send(new GetDossier.Query(dossier.Id), planner)).Participants.Single(p => p.Role == "expert").UserId.ShouldBe(experts["near"].Id);

        var result = await app.Send(new AssignExpert.Command(dossier.Id, experts["far"].Id, booked.Id), planner);

        result.Appointment!.MainUserId.ShouldBe(experts["far"].Id);
        result.Appointment.Start.ShouldBe(T(24, 9));
        result.Dossier.Participants.Where(p => p.Role == "expert").Select(p => p.UserId).ShouldBe([experts["far"].Id]);
        app.Events.Of<AppointmentRescheduled>().ShouldContain(e => e.AppointmentId == booked.Id && e.PreviousMainUserId == experts["near"].Id);
    }

    [Fact]
    public async Task A_refused_booking_does_not_assign_the_expert()
    {
        var (planner, dossier, experts) = await World();

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new BookAppointment.Command(dossier.Id, "Expertise", experts["near"].Id, T(24, 13), T(24, 14), AssignAsExpert: true), planner));

        refused.Reason.ShouldBe("outside-availability");
        (await app.Send(new GetDossier.Query(dossier.Id), planner)).Participants.ShouldNotContain(p => p.Role == "expert");
    }

    [Fact]
    public async Task Only_an_expert_can_be_assigned_and_only_an_appointment_to_plan_deleted()
    {
        var (planner, dossier, experts) = await World();
        var client = await app.Client(planner);

        (await (await client.Post($"/dossiers/{dossier.Id}/expert", new { expertId = experts["planner-with-skill"].Id })).Problem(HttpStatusCode.UnprocessableEntity))
            .Reason().ShouldBe("not-an-expert");

        var toPlan = await app.Send(new CreateAppointment.Command(dossier.Id, "Later"), planner);
        var planned = await app.Send(new CreateAppointment.Command(dossier.Id, "Now", experts["near"].Id, T(24, 8), T(24, 9)), planner);
        (await client.DeleteAsync($"/appointments/{toPlan.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        app.Events.Of<AppointmentDeleted>().ShouldContain(e => e.AppointmentId == toPlan.Id);
        (await (await client.DeleteAsync($"/appointments/{planned.Id}")).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("illegal-status-change");
        await (await client.GetAsync($"/appointments/{toPlan.Id}")).Problem(HttpStatusCode.NotFound);
    }
}
