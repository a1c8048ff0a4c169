using Hangfire;
using MediatR;

namespace Workflow.Application.Notifications;

/// <summary>
/// Sends one e-mail: enqueued after the commit that wrote it. A failure is recorded on the message and thrown, so
/// Hangfire retries it with the message's own back-off and its dashboard shows the attempts and the last error; the
/// message gives up after <see cref="OutgoingEmail.MaxAttempts"/> attempts, and so does the job. A message the server
/// refused for good (5xx) fails its job at once: <see cref="EmailRefusedException"/> is not retried. The e-mail sweep
/// (<see cref="EmailDispatcher.DeliverDue"/>, every minute) sends what a lost job left pending.
/// </summary>
public sealed class EmailJob(EmailDispatcher dispatcher)
{
    /// <summary>The retries wait <see cref="OutgoingEmail.RetryDelays"/> (an attribute takes constants only; a test checks they agree).</summary>
    [JobDisplayName("E-mail {0}")]
    [AutomaticRetry(Attempts = OutgoingEmail.MaxAttempts - 1, DelaysInSeconds = [60, 300, 900, 3600, 14400], OnAttemptsExceeded = AttemptsExceededAction.Fail,
        ExceptOn = [typeof(EmailRefusedException)])]
    public async Task Deliver(Guid emailId, CancellationToken ct)
    {
        switch (await dispatcher.Deliver(emailId, ct))
        {
            case { Status: EmailStatus.Failed, Attempts: < OutgoingEmail.MaxAttempts } refused:
                throw new EmailRefusedException(emailId, refused.LastError);
            case { Status: not EmailStatus.Sent } failed:
                throw new EmailNotSentException(emailId, failed.Attempts, failed.LastError);
        }
    }
}

public sealed class EmailRefusedException(Guid emailId, string? reason)
    : Exception($"E-mail {emailId} was refused by the mail server and will not be tried again: {reason}");

public sealed class EmailNotSentException(Guid emailId, int attempts, string? error)
    : Exception($"E-mail {emailId} was not sent (attempt {attempts} of {OutgoingEmail.MaxAttempts}): {error}");

/// <summary>After commit: each e-mail the transaction wrote gets its job.</summary>
internal sealed class EmailJobs(IBackgroundJobClient jobs) : INotificationHandler<EmailQueued>
{
    public Task Handle(EmailQueued queued, CancellationToken ct)
    {
        jobs.Enqueue<EmailJob>(job => job.Deliver(queued.EmailId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
