using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Notifications;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Notifications;

/// <summary>Invitations, updates and cancellations leave as iTIP e-mails through a real SMTP server (aiosmtpd).</summary>
public sealed class InvitationEmailTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(Scenario S, TestUser Colleague, string PersonEmail, AppointmentDto Appointment)> Book()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var personEmail = $"gisele-{Guid.NewGuid():N}@example.org";
        var person = await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.Person, "insured", Name: "Gisèle LAFRAISE", Email: personEmail), s.Planner);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise cuisine", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            ParticipantIds: [person.Id], UserIds: [colleague.Id]), s.Planner);
        return (s, colleague, personEmail, appointment);
    }

    [Fact]
    public async Task Booking_invites_everyone_concerned_with_a_calendar_request()
    {
        var (s, colleague, personEmail, appointment) = await Book();

        (await app.DeliverEmails()).ShouldBeGreaterThanOrEqualTo(3);

        foreach (var recipient in new[] { colleague.Email, s.Expert.Email, personEmail })
        {
            var mail = Mailbox.For(recipient).ShouldHaveSingleItem();
            mail.Subject.ShouldStartWith("Invitation: Expertise cuisine");
            mail.Subject.ShouldContain(s.Dossier.Reference);
            mail.CalendarMethod.ShouldBe("REQUEST");
            var read = await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", mail.Calendar!);
            read.GetProperty("method").GetString().ShouldBe("REQUEST");
            var e = read.GetProperty("events")[0];
            e.GetProperty("uid").GetString().ShouldBe($"{appointment.Id}@workflow");
            e.GetProperty("start").GetString().ShouldBe("2026-11-23T09:00:00.000Z");
            var attendees = e.GetProperty("attendees").EnumerateArray().Select(a => (a.GetProperty("value").GetString(), a.GetProperty("partstat").GetString())).ToList();
            attendees.ShouldContain(($"mailto:{s.Expert.Email}", "ACCEPTED"));
            attendees.ShouldContain(($"mailto:{colleague.Email}", "NEEDS-ACTION"));
            attendees.ShouldContain(($"mailto:{personEmail}", "NEEDS-ACTION"));
            e.GetProperty("organizer").GetString().ShouldBe($"mailto:{s.Planner.Email}");
        }
        var sent = await app.Query(db => Task.FromResult(db.OutgoingEmails.Where(m => m.AppointmentId == appointment.Id).ToList()));
        sent.ShouldAllBe(m => m.Status == EmailStatus.Sent && m.Attempts == 1 && m.SentAt != null);
    }

    [Fact]
    public async Task An_invitation_is_its_text_then_its_calendar_request_in_a_multipart_alternative_with_UTF8_headers()
    {
        var (_, _, personEmail, appointment) = await Book();

        await app.DeliverEmails();

        var mail = Mailbox.For(personEmail).ShouldHaveSingleItem();
        var stored = await app.Query(db => db.OutgoingEmails.SingleAsync(m => m.AppointmentId == appointment.Id && m.To == personEmail));
        // The structure Outlook and Gmail show as an invitation: text/plain first, then text/calendar with its METHOD.
        var alternative = mail.Message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/calendar"]);
        var calendar = (TextPart)alternative[1];
        calendar.ContentType.Parameters["method"].ShouldBe("REQUEST");
        calendar.ContentType.Charset.ShouldBe("utf-8", StringCompareShould.IgnoreCase);
        ((TextPart)alternative[0]).ContentType.Charset.ShouldBe("utf-8", StringCompareShould.IgnoreCase);
        mail.Calendar.ShouldBe(stored.Ics);
        (mail.Message.MessageId, mail.Message.Date).ShouldBe(($"{stored.Id:N}@test.local", stored.CreatedAt));
        mail.Calendar!.ShouldContain("METHOD:REQUEST\r\n");
        mail.Text.ShouldStartWith("Vous êtes invité(e) à ce rendez-vous.");
        mail.Raw.ShouldContain("Content-Type: multipart/alternative;", Case.Insensitive);
        mail.Raw.ShouldContain("Content-Type: text/calendar; method=REQUEST; charset=utf-8", Case.Insensitive);
        // The subject and the names travel as RFC 2047 encoded words (the headers are ASCII) and read back exactly.
        var headers = mail.Raw[..mail.Raw.IndexOf("\n\n", StringComparison.Ordinal)];
        headers.ShouldAllBe(c => c < 128);
        Regex.IsMatch(headers, @"^Subject: .*=\?utf-8\?[bq]\?", RegexOptions.Multiline | RegexOptions.IgnoreCase).ShouldBeTrue();
        mail.Subject.ShouldBe(stored.Subject);
        mail.Subject.ShouldContain(" — ");
        var from = mail.Message.From.Mailboxes.ShouldHaveSingleItem();
        (from.Name, from.Address).ShouldBe(("Workflow", "workflow@test.local"));
        var to = mail.Message.To.Mailboxes.ShouldHaveSingleItem();
        (to.Name, to.Address).ShouldBe(("Gisèle LAFRAISE", personEmail));
        Regex.IsMatch(mail.Raw, @"^To: =\?utf-8\?", RegexOptions.Multiline | RegexOptions.IgnoreCase).ShouldBeTrue();
    }

    [Fact]
    public async Task A_reminder_is_plain_text_without_a_calendar()
    {
        var (s, colleague, _, appointment) = await Book();
        await app.DeliverEmails();
        await app.Send(new SendReminder.Command(appointment.Id), s.Planner);

        await app.DeliverEmails();

        var reminder = Mailbox.For(colleague.Email).Where(m => m.Subject.StartsWith("Rappel")).ShouldHaveSingleItem();
        reminder.Message.Body.ShouldBeOfType<TextPart>().ContentType.MimeType.ShouldBe("text/plain");
        reminder.Calendar.ShouldBeNull();
    }

    [Fact]
    public async Task Moving_sends_an_update_with_a_higher_sequence_and_cancelling_sends_a_cancel()
    {
        var (s, colleague, _, appointment) = await Book();
        await app.Send(new RescheduleAppointment.Command(appointment.Id, Scenario.At(10), Scenario.At(11)), s.Planner);
        await app.Send(new CancelAppointment.Command(appointment.Id, "Sinistre clos"), s.Planner);

        await app.DeliverEmails();

        var mails = Mailbox.For(colleague.Email).OrderBy(m => m.Subject.StartsWith("Invitation") ? 0 : m.Subject.StartsWith("Modifié") ? 1 : 2).ToList();
        mails.Select(m => m.CalendarMethod).ShouldBe(["REQUEST", "REQUEST", "CANCEL"]);
        var update = (await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", mails[1].Calendar!)).GetProperty("events")[0];
        update.GetProperty("sequence").GetInt32().ShouldBe(1);
        update.GetProperty("start").GetString().ShouldBe("2026-11-23T10:00:00.000Z");
        var cancel = (await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", mails[2].Calendar!)).GetProperty("events")[0];
        cancel.GetProperty("status").GetString().ShouldBe("CANCELLED");
        cancel.GetProperty("sequence").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_failing_mail_server_never_undoes_the_booking_and_is_retried_then_given_up()
    {
        var (s, colleague, _, appointment) = await Book();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A port where nothing listens: the connection is refused, as with a mail server that is down.
        var broken = new EmailDispatcher(db, new SmtpTransport(new SmtpSettings("127.0.0.1", 9, "workflow@test.local", "Workflow", MailKit.Security.SecureSocketOptions.None, null, null)), app.Clock, NullLogger<EmailDispatcher>.Instance);
        var start = app.Clock.GetUtcNow();
        try
        {
            (await broken.DeliverDue(500, CancellationToken.None)).ShouldBe(0);
            for (var i = 1; i < OutgoingEmail.MaxAttempts; i++)
            {
                app.Clock.Advance(TimeSpan.FromHours(5));
                await broken.DeliverDue(500, CancellationToken.None);
            }
        }
        finally
        {
            app.Clock.Set(start);
        }

        (await app.Send(new GetAppointment.Query(appointment.Id), s.Planner)).Status.ShouldBe(AppointmentStatus.Planned);
        var mails = await app.Query(db2 => Task.FromResult(db2.OutgoingEmails.Where(m => m.AppointmentId == appointment.Id).ToList()));
        mails.ShouldAllBe(m => m.Status == EmailStatus.Failed && m.Attempts == OutgoingEmail.MaxAttempts && m.LastError != null);
        Mailbox.For(colleague.Email).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_booking_sends_nothing()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);

        await Should.ThrowAsync<DomainException>(() => app.Send(new CreateAppointment.Command(s.Dossier.Id, "Outside", s.Expert.Id, Scenario.At(13), Scenario.At(14), UserIds: [colleague.Id]), s.Planner));

        (await app.Query(db => Task.FromResult(db.OutgoingEmails.Count(m => m.To == colleague.Email)))).ShouldBe(0);
    }

    [Fact]
    public async Task Inviting_someone_later_keeps_the_others_and_mails_only_the_newcomer()
    {
        var (s, colleague, personEmail, appointment) = await Book();
        await app.DeliverEmails();
        var newcomer = await app.CreateUser(Roles.Planner);
        var client = await app.Client(s.Planner);

        var updated = await (await client.Post($"/appointments/{appointment.Id}/invite", new { userIds = new[] { newcomer.Id } })).Read<AppointmentDto>();
        await app.DeliverEmails();

        updated.Invitations.Select(i => i.UserId).ShouldBe([colleague.Id, newcomer.Id], ignoreOrder: true);
        updated.Parties.Count.ShouldBe(3); // the insured, the colleague and the newcomer
        Mailbox.For(newcomer.Email).ShouldHaveSingleItem().CalendarMethod.ShouldBe("REQUEST");
        Mailbox.For(colleague.Email).Count.ShouldBe(1);
        Mailbox.For(personEmail).Count.ShouldBe(1);
        (await (await client.Post($"/appointments/{appointment.Id}/invite", new { })).Problem(System.Net.HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("userIds", out _).ShouldBeTrue();
    }
}
