using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Scheduling;

public sealed class BookingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Booking_inside_the_main_users_availability_is_planned()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var created = await (await client.Post("/appointments", new
        {
            dossierId = s.Dossier.Id, title = "Expertise", mainUserId = s.Expert.Id,
            start = Scenario.At(9).ToOffset(TimeSpan.FromHours(1)), end = Scenario.At(10).ToOffset(TimeSpan.FromHours(1)),
        })).Read<AppointmentDto>(HttpStatusCode.Created);

        created.Status.ShouldBe(AppointmentStatus.Planned);
        created.MainUserId.ShouldBe(s.Expert.Id);
        created.Start.ShouldBe(Scenario.At(9));
        created.CreatedById.ShouldBe(s.Planner.Id);
        app.Events.Of<AppointmentPlanned>().ShouldContain(e => e.AppointmentId == created.Id && e.MainUserId == s.Expert.Id);
    }

    [Fact]
    public async Task Booking_outside_availability_is_refused_with_a_reason()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var problem = await (await client.Post("/appointments", new
        {
            dossierId = s.Dossier.Id, title = "Too late", mainUserId = s.Expert.Id, start = Scenario.At(11), end = Scenario.At(12),
        })).Problem(HttpStatusCode.Conflict);

        problem.Reason().ShouldBe("outside-availability");
        (await app.Query(db => Task.FromResult(db.Appointments.Count(a => a.DossierId == s.Dossier.Id)))).ShouldBe(0);
    }

    [Fact]
    public async Task Main_user_may_book_outside_their_own_ranges()
    {
        var s = await Scenario.Create(app);
        await app.Send(new AssignExpert.Command(s.Dossier.Id, s.Expert.Id), s.Planner);

        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Early visit", s.Expert.Id, Scenario.At(6), Scenario.At(7)), s.Expert);

        booked.Status.ShouldBe(AppointmentStatus.Planned);
    }

    [Fact]
    public async Task Overlapping_bookings_of_the_same_main_user_are_refused()
    {
        var s = await Scenario.Create(app);
        await app.Send(new CreateAppointment.Command(s.Dossier.Id, "First", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var client = await app.Client(s.Planner);

        var problem = await (await client.Post("/appointments", new
        {
            dossierId = s.Dossier.Id, title = "Second", mainUserId = s.Expert.Id, start = Scenario.At(9, 30), end = Scenario.At(10, 30),
        })).Problem(HttpStatusCode.Conflict);

        problem.Reason().ShouldBe("overlap");
    }

    [Fact]
    public async Task Back_to_back_appointments_do_not_overlap()
    {
        var s = await Scenario.Create(app);
        await app.Send(new CreateAppointment.Command(s.Dossier.Id, "First", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        var second = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Second", s.Expert.Id, Scenario.At(10), Scenario.At(11)), s.Planner);

        second.Status.ShouldBe(AppointmentStatus.Planned);
    }

    [Fact]
    public async Task A_cancelled_appointment_frees_its_slot()
    {
        var s = await Scenario.Create(app);
        var first = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "First", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await app.Send(new CancelAppointment.Command(first.Id, "Insured unavailable"), s.Planner);

        var again = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Again", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        again.Status.ShouldBe(AppointmentStatus.Planned);
    }

    [Fact]
    public async Task Of_twenty_concurrent_overlapping_bookings_exactly_one_succeeds()
    {
        var s = await Scenario.Create(app);
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Client(s.Planner)));

        var responses = await Task.WhenAll(clients.Select((client, i) => client.Post("/appointments", new
        {
            dossierId = s.Dossier.Id, title = $"Race {i}", mainUserId = s.Expert.Id,
            start = Scenario.At(9).AddMinutes(i), end = Scenario.At(10).AddMinutes(i),
        })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            (await refused.Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("overlap");
        (await app.Query(db => Task.FromResult(db.Appointments.Count(a => a.MainUserId == s.Expert.Id && a.Status == AppointmentStatus.Planned)))).ShouldBe(1);
    }

    [Fact]
    public async Task The_database_refuses_an_overlap_that_bypasses_the_code()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "First", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        var error = await Should.ThrowAsync<Npgsql.PostgresException>(() => app.Query(async db =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO appointments (id, dossier_id, title, main_user_id, created_by_id, created_at, start, "end", status, sequence)
                VALUES (gen_random_uuid(), @d, 'sneaky', @m, @m, now(), @s, @e, 'planned', 0)
                """, connection);
            insert.Parameters.AddWithValue("d", s.Dossier.Id);
            insert.Parameters.AddWithValue("m", s.Expert.Id);
            insert.Parameters.AddWithValue("s", Scenario.At(9, 30));
            insert.Parameters.AddWithValue("e", Scenario.At(9, 45));
            return await insert.ExecuteNonQueryAsync();
        }));

        error.ConstraintName.ShouldBe("ex_appointments_main_user_no_overlap");
        booked.Status.ShouldBe(AppointmentStatus.Planned);
    }

    [Fact]
    public async Task Rescheduling_checks_the_new_slot_against_the_agenda_but_not_against_itself()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        var moved = await app.Send(new RescheduleAppointment.Command(booked.Id, Scenario.At(9, 30), Scenario.At(10, 30)), s.Planner);
        moved.Start.ShouldBe(Scenario.At(9, 30));
        moved.Sequence.ShouldBe(1);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new RescheduleAppointment.Command(booked.Id, Scenario.At(11), Scenario.At(12)), s.Planner));
        refused.Reason.ShouldBe("outside-availability");
    }
}
