using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Application.Notifications;
using Workflow.Application.Persistence;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Notifications;

/// <summary>
/// What becomes of an invitation when the mail server says no, says "later", hangs up or never answers, and how
/// it is sent over TLS: MailKit talking to <see cref="ScriptedSmtpServer"/>, the outcome read from the message's
/// record (status, attempts, next attempt, last error), as an administrator finds it.
/// </summary>
public sealed class SmtpDeliveryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static SmtpSettings To(ScriptedSmtpServer server, SecureSocketOptions security = SecureSocketOptions.None) =>
        new("127.0.0.1", server.Port, "workflow@test.local", "Workflow", security, null, null);

    /// <summary>A booking's invitation to the colleague, written by the real pipeline and still pending.</summary>
    private async Task<Guid> Invitation()
    {
        var (_, colleague, appointment) = await EmailJobLookup.Book(app);
        return await app.Query(db => db.OutgoingEmails.Where(m => m.AppointmentId == appointment.Id && m.To == colleague.Email).Select(m => m.Id).SingleAsync());
    }

    /// <summary>One attempt, as the message's job makes it, through the given server; returns the message as it is then recorded.</summary>
    private async Task<OutgoingEmail> Attempt(Guid emailId, SmtpSettings settings)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatcher = new EmailDispatcher(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new SmtpTransport(settings), app.Clock,
                NullLogger<EmailDispatcher>.Instance);
            await dispatcher.Deliver(emailId, CancellationToken.None);
        }
        return await app.Query(db => db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Id == emailId));
    }

    private async Task Later(TimeSpan by, Func<Task> then)
    {
        var start = app.Clock.GetUtcNow();
        app.Clock.Advance(by);
        try
        {
            await then();
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [Theory]
    [InlineData("rcpt", "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown", "The recipient ", "550 ")]
    [InlineData("data", "554 5.7.1 Message refused as spam", "The message was refused: 554 ", "Message refused as spam")]
    public async Task A_5xx_reply_fails_the_message_at_once_with_the_servers_reason_and_it_is_never_tried_again(string step, string reply, string starts, string contains)
    {
        using var server = new ScriptedSmtpServer();
        if (step == "rcpt")
            server.RcptReply = reply;
        else
            server.DataReply = reply;
        var id = await Invitation();

        var refused = await Attempt(id, To(server));

        (refused.Status, refused.Attempts, refused.NextAttemptAt).ShouldBe((EmailStatus.Failed, 1, (DateTimeOffset?)null));
        refused.LastError.ShouldNotBeNull();
        refused.LastError.ShouldStartWith(starts);
        refused.LastError.ShouldContain(contains);
        // Hours later, with a server that would take it, nothing is sent: the refusal stands.
        server.RcptReply = "250 2.1.5 Ok";
        server.DataReply = "250 2.0.0 Ok";
        await Later(TimeSpan.FromHours(5), async () => (await Attempt(id, To(server))).Attempts.ShouldBe(1));
        server.Connections.ShouldBe(1);
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_4xx_reply_is_retried_after_the_back_off_and_the_next_attempt_goes_through()
    {
        using var server = new ScriptedSmtpServer { RcptReply = "451 4.7.1 Greylisted, please try again later" };
        var id = await Invitation();

        var deferred = await Attempt(id, To(server));

        (deferred.Status, deferred.Attempts).ShouldBe((EmailStatus.Pending, 1));
        deferred.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow() + OutgoingEmail.RetryDelays[0]);
        deferred.LastError.ShouldBe("The recipient " + deferred.To + " was refused: 451 4.7.1 Greylisted, please try again later");
        // Not before its time.
        (await Attempt(id, To(server))).Attempts.ShouldBe(1);
        server.Connections.ShouldBe(1);

        server.RcptReply = "250 2.1.5 Ok";
        await Later(OutgoingEmail.RetryDelays[0], async () =>
        {
            var sent = await Attempt(id, To(server));
            (sent.Status, sent.Attempts, sent.LastError).ShouldBe((EmailStatus.Sent, 2, (string?)null));
        });
        server.Messages.ShouldHaveSingleItem().ShouldContain("Content-Type: text/calendar; method=REQUEST");
    }

    [Theory]
    [InlineData(SmtpDrop.AtRcpt)]
    [InlineData(SmtpDrop.AfterData)]
    public async Task A_connection_broken_in_the_middle_is_retried(SmtpDrop drop)
    {
        using var server = new ScriptedSmtpServer { Drop = drop };
        var id = await Invitation();

        var broken = await Attempt(id, To(server));

        (broken.Status, broken.Attempts).ShouldBe((EmailStatus.Pending, 1));
        broken.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow() + OutgoingEmail.RetryDelays[0]);
        broken.LastError.ShouldNotBeNull();
        broken.LastError.ShouldStartWith("SmtpProtocolException: The SMTP server has unexpectedly disconnected");
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_that_never_greets_is_given_up_after_the_connect_timeout_and_retried()
    {
        using var server = new ScriptedSmtpServer { Greeting = null };
        var id = await Invitation();

        var started = DateTime.UtcNow;
        var silent = await Attempt(id, To(server) with { ConnectTimeout = TimeSpan.FromSeconds(1) });

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (silent.Status, silent.Attempts).ShouldBe((EmailStatus.Pending, 1));
        silent.LastError.ShouldBe($"TimeoutException: No answer from 127.0.0.1:{server.Port} within 1 s.");
    }

    [Fact]
    public async Task A_reply_that_does_not_come_is_given_up_after_the_command_timeout_and_retried()
    {
        using var server = new ScriptedSmtpServer { Drop = SmtpDrop.SilentAfterData };
        var id = await Invitation();

        var started = DateTime.UtcNow;
        var waited = await Attempt(id, To(server) with { CommandTimeout = TimeSpan.FromSeconds(1) });

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (waited.Status, waited.Attempts).ShouldBe((EmailStatus.Pending, 1));
        waited.LastError.ShouldBe("TimeoutException: Operation timed out after 1000 milliseconds");
        waited.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow() + OutgoingEmail.RetryDelays[0]);
    }

    [Fact]
    public async Task STARTTLS_then_login_sends_the_message_with_nothing_but_EHLO_and_STARTTLS_in_clear()
    {
        using var server = new ScriptedSmtpServer(ScriptedSmtpServer.SelfSignedCertificate());
        var id = await Invitation();

        var sent = await Attempt(id, To(server, SecureSocketOptions.StartTls) with { UserName = "relay-user", Password = "relay-pässword", AcceptAnyCertificate = true });

        (sent.Status, sent.Attempts).ShouldBe((EmailStatus.Sent, 1));
        var commands = server.Commands.ToList();
        commands.Take(2).Select(c => c.Split(' ')[0]).ShouldBe(["EHLO", "STARTTLS"]);
        commands.Skip(2).ShouldAllBe(c => c.StartsWith("tls "));
        commands.ShouldContain(c => c.StartsWith("tls AUTH PLAIN"));
        server.Logins.ShouldHaveSingleItem().ShouldBe(("relay-user", "relay-pässword"));
        server.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_certificate_that_does_not_validate_is_refused_and_the_message_waits_for_a_retry()
    {
        using var server = new ScriptedSmtpServer(ScriptedSmtpServer.SelfSignedCertificate());
        var id = await Invitation();

        var refused = await Attempt(id, To(server, SecureSocketOptions.StartTls));

        (refused.Status, refused.Attempts).ShouldBe((EmailStatus.Pending, 1));
        refused.LastError.ShouldNotBeNull();
        refused.LastError.ShouldStartWith("SslHandshakeException");
        refused.LastError.ShouldContain("certificate");
        server.Commands.ShouldNotContain(c => c.StartsWith("tls "));
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Implicit_TLS_speaks_TLS_from_the_first_byte()
    {
        using var server = new ScriptedSmtpServer(ScriptedSmtpServer.SelfSignedCertificate(), implicitTls: true);
        var id = await Invitation();

        var sent = await Attempt(id, To(server, SecureSocketOptions.SslOnConnect) with { AcceptAnyCertificate = true });

        (sent.Status, sent.Attempts).ShouldBe((EmailStatus.Sent, 1));
        server.Commands.ShouldAllBe(c => c.StartsWith("tls "));
        server.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task STARTTLS_required_of_a_server_that_does_not_offer_it_sends_nothing_in_clear_and_is_retried()
    {
        using var server = new ScriptedSmtpServer();
        var id = await Invitation();

        var waiting = await Attempt(id, To(server, SecureSocketOptions.StartTls));

        (waiting.Status, waiting.Attempts).ShouldBe((EmailStatus.Pending, 1));
        waiting.LastError.ShouldNotBeNull();
        waiting.LastError.ShouldBe("NotSupportedException: The SMTP server does not support the STARTTLS extension.");
        server.Commands.ShouldNotContain(c => c.StartsWith("MAIL"));
    }

    [Fact]
    public async Task A_refused_login_is_retried_rather_than_failing_the_message()
    {
        using var server = new ScriptedSmtpServer { AuthReply = "535 5.7.8 Authentication credentials invalid" };
        var id = await Invitation();

        var waiting = await Attempt(id, To(server) with { UserName = "relay-user", Password = "wrong" });

        (waiting.Status, waiting.Attempts).ShouldBe((EmailStatus.Pending, 1));
        waiting.LastError.ShouldNotBeNull();
        waiting.LastError.ShouldBe("The server refused the login: 535: 5.7.8 Authentication credentials invalid");
        server.Commands.ShouldNotContain(c => c.StartsWith("MAIL"));
    }
}
