using Workflow.Application.Common;
using Workflow.Application.Invitations;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Notifications;

public sealed class ReminderTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_reminder_goes_once_to_everyone_who_has_not_declined_and_again_after_a_move()
    {
        var s = await Scenario.Create(app);
        var coming = await app.CreateUser(Roles.Expert);
        var declining = await app.CreateUser(Roles.Expert);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10), UserIds: [coming.Id, declining.Id]), s.Planner);
        await app.Send(new AnswerInvitation.Command(appointment.Invitations.Single(i => i.UserId == declining.Id).Id, InvitationStatus.Declined), declining);

        (await app.Send(new SendDueReminders.Command(), s.Planner)).Sent.ShouldBeGreaterThanOrEqualTo(1);
        (await app.Send(new SendReminder.Command(appointment.Id), s.Planner)).Sent.ShouldBeFalse();
        await app.DeliverEmails();

        Mailbox.For(coming.Email).Count(m => m.Subject.StartsWith("Rappel")).ShouldBe(1);
        Mailbox.For(s.Expert.Email).Count(m => m.Subject.StartsWith("Rappel")).ShouldBe(1);
        Mailbox.For(declining.Email).Count(m => m.Subject.StartsWith("Rappel")).ShouldBe(0);

        await app.Send(new RescheduleAppointment.Command(appointment.Id, Scenario.At(10), Scenario.At(11)), s.Planner);
        (await app.Send(new SendReminder.Command(appointment.Id), s.Planner)).Sent.ShouldBeTrue();
    }

    [Fact]
    public async Task Appointments_beyond_the_lead_time_are_not_reminded_yet()
    {
        var s = await Scenario.Create(app);
        await app.Send(new Workflow.Application.Availability.AddAvailabilityRange.Command(s.Expert.Id, Scenario.At(8).AddDays(3), Scenario.At(12).AddDays(3), null), s.Planner);
        var later = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Plus tard", s.Expert.Id, Scenario.At(9).AddDays(3), Scenario.At(10).AddDays(3)), s.Planner);

        await app.Send(new SendDueReminders.Command(), s.Planner);

        (await app.Query(db => Task.FromResult(db.Appointments.Single(a => a.Id == later.Id).ReminderSentAt))).ShouldBeNull();
    }
}
