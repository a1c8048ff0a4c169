using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>The shipped social-work follow-up: a first meeting planned by the referent, a reminder the day before.</summary>
public sealed class FollowUpWorkflowTests(ShippedWorkflowsFixture app) : IClassFixture<ShippedWorkflowsFixture>
{
    private static readonly DateTimeOffset Meeting = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_referent_plans_the_first_meeting_everyone_is_reminded_the_day_before_and_the_meeting_ends_it()
    {
        var referent = await app.CreateUser(Roles.Planner);
        await app.Send(new AddAvailabilityRange.Command(referent.Id, Meeting.AddHours(-1), Meeting.AddHours(3), null), referent);
        var dossier = await app.Send(new CreateDossier.Command("Accompagnement", "follow-up", referent.Id, Confidential: true), referent);
        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == dossier.Id));
        (task.WorkflowElementId, task.FormKey, task.AssigneeId).ShouldBe(("PlanFirstMeeting", "first-meeting", referent.Id));

        await app.Send(new CompleteTask.Command(task.Id, new JsonObject
        {
            ["planning"] = new JsonObject { ["start"] = "2026-11-25T09:00:00Z", ["end"] = "2026-11-25T10:00:00Z" },
        }), referent);

        var appointment = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == dossier.Id));
        (appointment.MainUserId, appointment.Status).ShouldBe((referent.Id, AppointmentStatus.Planned));
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == dossier.Id));
        (await app.Query(db => db.WorkflowTimers.SingleAsync(t => t.InstanceId == instance.Id))).DueAt.ShouldBe(Meeting.AddDays(-1));

        app.Clock.Set(Meeting.AddDays(-1).AddMinutes(-1));
        (await app.Send(new FireDueTimers.Command(), referent)).ShouldBe(0);
        app.Clock.Set(Meeting.AddDays(-1));
        (await app.Send(new FireDueTimers.Command(), referent)).ShouldBe(1);
        (await app.Query(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id))).ReminderSentAt.ShouldBe(Meeting.AddDays(-1));

        app.Clock.Set(Meeting.AddMinutes(65));
        await app.Send(new MarkAppointmentDone.Command(appointment.Id), referent);
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id))).Status.ShouldBe(InstanceStatus.Completed);
    }
}

/// <summary>The expertise planning escalates to the referent when not done within three working days.</summary>
public sealed class ExpertiseEscalationTests(ShippedWorkflowsFixture app) : IClassFixture<ShippedWorkflowsFixture>
{
    [Fact]
    public async Task Planning_not_done_in_three_working_days_goes_to_the_referent_and_the_first_task_is_withdrawn()
    {
        var s = await Scenario.Create(app);
        var planning = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == s.Dossier.Id));
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == s.Dossier.Id));
        var due = (await app.Query(db => db.WorkflowTimers.SingleAsync(t => t.InstanceId == instance.Id))).DueAt;
        due.ShouldBe(app.Clock.GetUtcNow().AddDays(3), "Monday plus three working days is Thursday");

        app.Clock.Set(due);
        (await app.Send(new FireDueTimers.Command(), s.Planner)).ShouldBe(1);

        var tasks = await app.Query(db => db.Tasks.Where(t => t.DossierId == s.Dossier.Id).OrderBy(t => t.CreatedAt).ToListAsync());
        tasks.Select(t => (t.Id == planning.Id, t.WorkflowElementId, t.Status)).ShouldBe(
            [(true, "PlanAppointment", WorkTaskStatus.Cancelled), (false, "PlanAppointmentEscalated", WorkTaskStatus.Open)]);
        tasks[1].AssigneeId.ShouldBe(s.Planner.Id);
        (await Should.ThrowAsync<DomainException>(() => app.Send(new CompleteTask.Command(planning.Id), s.Planner))).Reason.ShouldBe("illegal-status-change");
    }
}
