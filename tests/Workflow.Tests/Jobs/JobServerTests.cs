using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Jobs;

/// <summary>Reminders every second (a cron with seconds), from the job store of this fixture's own database.</summary>
public sealed class RemindersEverySecondFixture : JobServerFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Jobs:Cron:Reminders", "* * * * * *");
    }
}

/// <summary>Hangfire's job server: one per host, on the host's own database, with the recurring jobs, gone when the host stops.</summary>
public sealed class JobServerTests(RemindersEverySecondFixture app) : IClassFixture<RemindersEverySecondFixture>
{
    [Fact]
    public async Task The_reminder_job_recurs_from_the_job_store_and_reminds_once()
    {
        var s = await Scenario.Create(app);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        await Eventually.Until(async () => await app.Query(db => db.Appointments.Where(a => a.Id == appointment.Id).Select(a => a.ReminderSentAt).SingleAsync()) is not null,
            TimeSpan.FromSeconds(60), "The reminder job running");
        var recurring = app.JobStorage.GetConnection().GetRecurringJobs();
        await Eventually.Until(() => Task.FromResult(app.JobStorage.GetConnection().GetRecurringJobs().Single(j => j.Id == "reminders").LastExecution is not null),
            TimeSpan.FromSeconds(30), "Hangfire recording the run");

        (await app.Query(db => db.Appointments.Where(a => a.Id == appointment.Id).Select(a => a.ReminderSentAt).SingleAsync())).ShouldBe(app.Clock.GetUtcNow());
        (await app.Query(db => db.OutgoingEmails.CountAsync(m => m.AppointmentId == appointment.Id && m.Kind == EmailKind.Reminder))).ShouldBe(1);
        recurring.Select(j => j.Id).Order().ShouldBe(["calendar-feeds", "email-sweep", "reminders", "workflow-sweep"]);
    }

    [Fact]
    public async Task A_job_server_works_on_its_own_databases_store_and_stops_with_its_host()
    {
        var other = new JobServerFixture();
        await other.InitializeAsync();
        try
        {
            var mine = app.JobStorage.GetMonitoringApi().Servers().ShouldHaveSingleItem();
            var theirs = other.JobStorage.GetMonitoringApi().Servers().ShouldHaveSingleItem();
            theirs.Name.ShouldNotBe(mine.Name);
            var marker = Guid.NewGuid().ToString();
            var job = other.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => Console.WriteLine(marker), TimeSpan.FromDays(1));
            other.JobStorage.GetMonitoringApi().JobDetails(job).Job.Args.ShouldBe([marker]);
            app.JobStorage.GetMonitoringApi().ScheduledJobs(0, 1000).ShouldNotContain(j => j.Value.Job.Args.Contains(marker), "each database has its own job store");

            await other.StopApplication();

            // Hangfire removes its server's row as the last step of its shutdown thread: give it a moment on a busy machine.
            await using var connection = new NpgsqlConnection(other.ConnectionString);
            await connection.OpenAsync();
            var left = new List<string>();
            try
            {
                await Eventually.Until(async () =>
                {
                    left.Clear();
                    await using var servers = new NpgsqlCommand("SELECT id || ' (last heartbeat ' || lastheartbeat || ')' FROM hangfire.server", connection);
                    await using var reader = await servers.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                        left.Add(reader.GetString(0));
                    return left.Count == 0;
                }, TimeSpan.FromSeconds(30), "The stopped server saying goodbye");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message} Still registered: {string.Join(", ", left)}", e);
            }
            app.JobStorage.GetMonitoringApi().Servers().ShouldHaveSingleItem().Name.ShouldBe(mine.Name);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
