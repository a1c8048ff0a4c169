using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Jobs;

public sealed class QuartzFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Quartz:Enabled", "true");
        web.UseSetting("Quartz:RemindersEverySeconds", "1");
        web.UseSetting("Quartz:FeedsEverySeconds", "3600");
    }
}

/// <summary>One real round trip through Quartz, its clustered PostgreSQL job store and a job.</summary>
public sealed class QuartzTests(QuartzFixture app) : IClassFixture<QuartzFixture>
{
    [Fact]
    public async Task The_reminder_job_runs_from_the_persistent_store_and_reminds_once()
    {
        var s = await Scenario.Create(app);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        await Eventually.Until(async () => await app.Query(db => Task.FromResult(db.Appointments.Single(a => a.Id == appointment.Id).ReminderSentAt)) is not null,
            TimeSpan.FromSeconds(60), "The reminder job running");
        var remindedAt = await app.Query(db => Task.FromResult(db.Appointments.Single(a => a.Id == appointment.Id).ReminderSentAt));

        remindedAt.ShouldBe(app.Clock.GetUtcNow());
        (await app.Query(db => Task.FromResult(db.OutgoingEmails.Count(m => m.AppointmentId == appointment.Id && m.Kind == Workflow.Application.Notifications.EmailKind.Reminder)))).ShouldBe(1);
        var triggers = await app.Query(db => db.Database.SqlQueryRaw<string>("SELECT trigger_name AS \"Value\" FROM qrtz_triggers ORDER BY 1").ToListAsync());
        triggers.ShouldBe(["SendDueRemindersJob", "SyncCalendarFeedsJob", "WorkflowTimerSweepJob"]);
        (await app.Query(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state").SingleAsync())).ShouldBe(1);
    }
}
