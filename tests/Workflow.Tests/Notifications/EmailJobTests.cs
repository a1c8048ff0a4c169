using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Notifications;

/// <summary>The application's job server, sending to the SMTP sink that scripts/test.sh starts.</summary>
public sealed class EmailJobFixture : JobServerFixture;

/// <summary>The same, with the mail server down: a port where nothing listens, so the connection is refused.</summary>
public sealed class MailServerDownFixture : JobServerFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Smtp:Host", "127.0.0.1");
        web.UseSetting("Smtp:Port", "9");
    }
}

/// <summary>The same, with a mail server that refuses every recipient (550).</summary>
public sealed class MailServerRefusesFixture : JobServerFixture, IDisposable
{
    public ScriptedSmtpServer Server { get; } = new() { RcptReply = "550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table" };

    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Smtp:Host", "127.0.0.1");
        web.UseSetting("Smtp:Port", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        web.UseSetting("Smtp:Security", "None");
    }

    public void Dispose() => Server.Dispose();
}

internal static class EmailJobLookup
{
    public static string? JobOf(this AppFixture app, Guid emailId) => app.FindJob(nameof(EmailJob.Deliver), emailId);

    public static async Task<(Scenario S, TestUser Colleague, AppointmentDto Appointment)> Book(AppFixture app)
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise cuisine", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            UserIds: [colleague.Id]), s.Planner);
        return (s, colleague, appointment);
    }
}

/// <summary>Each e-mail leaves through a Hangfire job of its own, enqueued when the change that wrote it commits.</summary>
public sealed class EmailJobTests(EmailJobFixture app) : IClassFixture<EmailJobFixture>
{
    [Fact]
    public async Task Each_email_a_booking_writes_is_sent_by_its_own_job_once()
    {
        var (_, colleague, appointment) = await EmailJobLookup.Book(app);

        var mails = await app.Query(db => db.OutgoingEmails.AsNoTracking().Where(m => m.AppointmentId == appointment.Id).ToListAsync());
        mails.Count.ShouldBe(2);
        await Eventually.Until(async () => await app.Query(db => db.OutgoingEmails.CountAsync(m => m.AppointmentId == appointment.Id && m.Status == EmailStatus.Sent)) == 2,
            TimeSpan.FromSeconds(60), "The e-mail jobs sending");

        foreach (var mail in mails)
            await Eventually.Until(() => Task.FromResult(app.JobOf(mail.Id) is { } job && app.JobState(job) == SucceededState.StateName),
                TimeSpan.FromSeconds(30), "The e-mail's job succeeding");
        Mailbox.For(colleague.Email).ShouldHaveSingleItem().Subject.ShouldStartWith("Invitation: Expertise cuisine");
        (await app.Query(db => db.OutgoingEmails.Where(m => m.AppointmentId == appointment.Id).Select(m => m.Attempts).ToListAsync())).ShouldAllBe(a => a == 1);
        // The sweep finds nothing left to send.
        (await app.DeliverEmails()).ShouldBe(0);
    }

    [Fact]
    public void The_jobs_retries_follow_the_messages_own_back_off()
    {
        var retry = typeof(EmailJob).GetMethod(nameof(EmailJob.Deliver))!.GetCustomAttributes(typeof(AutomaticRetryAttribute), false).Cast<AutomaticRetryAttribute>().Single();

        retry.Attempts.ShouldBe(OutgoingEmail.MaxAttempts - 1, "the first attempt and its retries are the message's attempts");
        retry.DelaysInSeconds.ShouldBe(OutgoingEmail.RetryDelays.Select(d => (int)d.TotalSeconds).ToArray());
    }
}

/// <summary>A mail server that is down: the job fails, Hangfire schedules its retry, and the attempt and its error are recorded on both sides.</summary>
public sealed class EmailJobRetryTests(MailServerDownFixture app) : IClassFixture<MailServerDownFixture>
{
    [Fact]
    public async Task A_failed_sending_is_retried_later_with_the_attempt_and_the_error_visible_in_the_message_and_the_dashboard()
    {
        var (_, colleague, appointment) = await EmailJobLookup.Book(app);
        var mail = await app.Query(db => db.OutgoingEmails.AsNoTracking().FirstAsync(m => m.AppointmentId == appointment.Id && m.To == colleague.Email));

        await Eventually.Until(() => Task.FromResult(app.JobOf(mail.Id) is { } job && app.JobState(job) == ScheduledState.StateName
                && app.JobStorage.GetMonitoringApi().JobDetails(job).History.Any(h => h.StateName == ProcessingState.StateName)),
            TimeSpan.FromSeconds(60), "The job failing and being scheduled again");

        var jobId = app.JobOf(mail.Id)!;
        // The dashboard's job page: the failure with its exception, then the retry it scheduled.
        var history = app.JobStorage.GetMonitoringApi().JobDetails(jobId).History;
        history[0].StateName.ShouldBe(ScheduledState.StateName);
        history[0].Reason.ShouldStartWith("Retry attempt 1 of 5");
        history[1].StateName.ShouldBe(FailedState.StateName);
        var error = history[1].Data["ExceptionMessage"];
        error.ShouldContain($"E-mail {mail.Id} was not sent (attempt 1 of 6)");
        using (var connection = app.JobStorage.GetConnection())
            connection.GetJobParameter(jobId, "RetryCount").ShouldBe("1");
        var failed = await app.Query(db => db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Id == mail.Id));
        (failed.Status, failed.Attempts).ShouldBe((EmailStatus.Pending, 1));
        failed.LastError.ShouldNotBeNullOrEmpty();
        error.ShouldEndWith(failed.LastError!);
        failed.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow() + OutgoingEmail.RetryDelays[0]);
        (await app.Send(new GetAppointment.Query(appointment.Id), await app.CreateUser(Roles.Admin))).Status.ShouldBe(AppointmentStatus.Planned);
    }
}

/// <summary>A mail server that refuses the message: its job fails at once, with the server's reason, and is not retried.</summary>
public sealed class EmailJobRefusedTests(MailServerRefusesFixture app) : IClassFixture<MailServerRefusesFixture>
{
    [Fact]
    public async Task A_message_the_server_refuses_fails_its_job_at_once_with_the_reason_and_no_retry()
    {
        var (_, colleague, appointment) = await EmailJobLookup.Book(app);
        var mail = await app.Query(db => db.OutgoingEmails.AsNoTracking().FirstAsync(m => m.AppointmentId == appointment.Id && m.To == colleague.Email));

        await Eventually.Until(() => Task.FromResult(app.JobOf(mail.Id) is { } job && app.JobState(job) == FailedState.StateName),
            TimeSpan.FromSeconds(60), "The job failing");

        var jobId = app.JobOf(mail.Id)!;
        // The dashboard's job page: one failure, with the server's words, and no retry scheduled.
        var history = app.JobStorage.GetMonitoringApi().JobDetails(jobId).History;
        history[0].StateName.ShouldBe(FailedState.StateName);
        history.ShouldNotContain(h => h.StateName == ScheduledState.StateName);
        history.Count(h => h.StateName == ProcessingState.StateName).ShouldBe(1);
        var error = history[0].Data["ExceptionMessage"];
        error.ShouldStartWith($"E-mail {mail.Id} was refused by the mail server and will not be tried again: The recipient {colleague.Email} was refused: 550 ");
        using (var connection = app.JobStorage.GetConnection())
            connection.GetJobParameter(jobId, "RetryCount").ShouldBeNull();
        var refused = await app.Query(db => db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Id == mail.Id));
        (refused.Status, refused.Attempts, refused.NextAttemptAt).ShouldBe((EmailStatus.Failed, 1, (DateTimeOffset?)null));
        error.ShouldEndWith(refused.LastError!);
        refused.LastError!.ShouldContain("User unknown in virtual mailbox table");
        // The sweep does not take it up again either.
        app.Clock.Advance(TimeSpan.FromHours(5));
        (await app.DeliverEmails()).ShouldBe(0);
        (await app.Query(db => db.OutgoingEmails.SingleAsync(m => m.Id == mail.Id))).Attempts.ShouldBe(1);
        (await app.Send(new GetAppointment.Query(appointment.Id), await app.CreateUser(Roles.Admin))).Status.ShouldBe(AppointmentStatus.Planned);
    }
}
