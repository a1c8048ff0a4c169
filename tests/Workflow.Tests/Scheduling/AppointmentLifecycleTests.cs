using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Scheduling;

public sealed class AppointmentLifecycleTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_cancelled_appointment_cannot_be_marked_done()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await app.Send(new CancelAppointment.Command(booked.Id, "Storm"), s.Planner);
        var client = await app.Client(s.Planner);

        var problem = await (await client.PostAsync($"/appointments/{booked.Id}/done", null)).Problem(HttpStatusCode.Conflict);

        problem.Reason().ShouldBe("illegal-status-change");
        (await app.Send(new GetAppointment.Query(booked.Id), s.Planner)).Status.ShouldBe(AppointmentStatus.Cancelled);
        app.Events.Of<AppointmentCancelled>().ShouldContain(e => e.AppointmentId == booked.Id && e.Reason == "Storm" && e.WasPlanned);
    }

    [Fact]
    public async Task An_appointment_is_done_only_once_it_has_begun()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        (await Should.ThrowAsync<DomainException>(() => app.Send(new MarkAppointmentDone.Command(booked.Id), s.Expert))).Reason.ShouldBe("not-started");
        app.Clock.Set(Scenario.At(10, 5));
        var done = await app.Send(new MarkAppointmentDone.Command(booked.Id), s.Expert);

        done.Status.ShouldBe(AppointmentStatus.Done);
        (await Should.ThrowAsync<DomainException>(() => app.Send(new CancelAppointment.Command(booked.Id, "late"), s.Planner))).Reason.ShouldBe("illegal-status-change");
        app.Clock.Set(Scenario.At(7));
    }

    [Fact]
    public async Task An_appointment_to_plan_is_booked_later_and_counted_per_status()
    {
        var s = await Scenario.Create(app);
        var toPlan = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Second visit"), s.Planner);
        var cancelled = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Abandoned"), s.Planner);
        await app.Send(new CancelAppointment.Command(cancelled.Id, "Not needed"), s.Planner);
        var planned = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "To book"), s.Planner);
        await app.Send(new PlanAppointment.Command(planned.Id, s.Expert.Id, Scenario.At(8), Scenario.At(9)), s.Planner);
        var client = await app.Client(s.Planner);

        var list = await (await client.GetAsync($"/dossiers/{s.Dossier.Id}/appointments")).Read<ListDossierAppointments.Result>();

        toPlan.Status.ShouldBe(AppointmentStatus.ToPlan);
        list.Counts.ShouldBe(new ListDossierAppointments.Counts(ToPlan: 1, Planned: 1, Done: 0, Cancelled: 1));
        list.Appointments.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_expert_cannot_change_an_appointment_in_someone_elses_agenda()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var otherExpert = await app.CreateUser(Roles.Expert);
        var client = await app.Client(otherExpert);

        var problem = await (await client.Post($"/appointments/{booked.Id}/cancel", new { reason = "mine now" })).Problem(HttpStatusCode.Forbidden);

        problem.Reason().ShouldBe("not-organiser");
    }
}
