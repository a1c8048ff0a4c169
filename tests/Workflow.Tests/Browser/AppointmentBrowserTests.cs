using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The appointment screen in a real browser: what a planner and an expert do with one appointment.</summary>
public sealed class AppointmentBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture app;

    public AppointmentBrowserTests(BrowserFixture app)
    {
        this.app = app;
        // Two cores shared by many builds: a screen may take more than the default five seconds to answer.
        SetDefaultExpectTimeout(20_000);
    }

    private Task<string> NameOf(TestUser user) => app.Query(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    private static ILocator When(IPage page) => page.GetByTestId("when");

    [Fact]
    public async Task Planner_reschedules_then_cancels_an_appointment_with_a_reason()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await using var session = await AppSession.SignIn(app, s.Planner);
        var page = session.Page;

        await page.GotoAsync($"/app/appointments/{booked.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expertise visit", Level = 1 })).ToBeVisibleAsync();
        // 09:00 UTC is 10:00 in Brussels in November, and the zone is named.
        await Expect(When(page)).ToContainTextAsync("Mon, 23 Nov 2026, 10:00 – 11:00");
        await Expect(When(page)).ToContainTextAsync("Europe/Brussels");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = s.Dossier.Reference }).First).ToHaveAttributeAsync("href", $"/app/dossiers/{s.Dossier.Id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToHaveCountAsync(0);

        // Outside the expert's availability (09:00–12:30 Brussels): refused in words, next to the form.
        session.ExpectedStatuses.Add(409);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Reschedule the appointment" });
        await Expect(form.GetByLabel("New start")).ToHaveValueAsync("23/11/2026 10:00");
        await form.GetByLabel("New start").FillAsync("2026-11-23T12:00");
        await Expect(form.GetByLabel("New end")).ToHaveValueAsync("23/11/2026 13:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Reschedule the appointment" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This slot is outside the main user’s availability ranges.");

        await form.GetByLabel("New start").FillAsync("2026-11-23T11:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Reschedule the appointment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appointment rescheduled." })).ToBeVisibleAsync();
        await Expect(When(page)).ToContainTextAsync("Mon, 23 Nov 2026, 11:00 – 12:00");
        var moved = await app.Query(db => db.Appointments.SingleAsync(a => a.Id == booked.Id));
        (moved.Start, moved.End, moved.Status).ShouldBe((Scenario.At(10), Scenario.At(11), AppointmentStatus.Planned));
        await session.Screenshot("appointment-rescheduled");

        // Cancelling asks first, in a dialog, and wants a reason.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel the appointment?" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Give the reason for cancelling.");
        (await app.Query(db => db.Appointments.SingleAsync(a => a.Id == booked.Id))).Status.ShouldBe(AppointmentStatus.Planned);
        await dialog.GetByLabel("Reason for cancelling").FillAsync("The insured is in hospital");
        (await session.AccessibilityViolations()).ShouldBeEmpty();
        await session.Screenshot("appointment-cancel-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appointment cancelled." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cancel-reason")).ToHaveTextAsync("The insured is in hospital");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("No action is possible on this appointment.")).ToBeVisibleAsync();
        var cancelled = await app.Query(db => db.Appointments.SingleAsync(a => a.Id == booked.Id));
        (cancelled.Status, cancelled.CancelReason).ShouldBe((AppointmentStatus.Cancelled, "The insured is in hospital"));

        await session.Screenshot("appointment-cancelled");
        (await session.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Expert_marks_a_started_appointment_done_and_records_an_exchange()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Water damage expertise", s.Expert.Id, Scenario.At(8), Scenario.At(9)), s.Planner);
        await using var session = await AppSession.SignIn(app, s.Expert);
        var page = session.Page;
        try
        {
            await page.GotoAsync($"/app/appointments/{booked.Id}");
            await Expect(page.GetByText("It can be marked as done once it has started.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" })).ToHaveCountAsync(0);

            // Half an hour into the appointment, on the server and in the browser.
            app.Clock.Set(Scenario.At(8, 30));
            await page.Clock.SetSystemTimeAsync(Scenario.At(8, 30).UtcDateTime);
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Mark this appointment as done?" });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appointment marked as done." })).ToBeVisibleAsync();
            await Expect(page.Locator(".badge").Filter(new() { HasText = "done" }).First).ToBeVisibleAsync();

            await page.GetByLabel("Notes of the exchange").FillAsync("Leak under the sink confirmed; a quote was asked for.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn into an exchange" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Exchange recorded on the dossier." })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("exchange-notes")).ToHaveTextAsync("Leak under the sink confirmed; a quote was asked for.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn into an exchange" })).ToHaveCountAsync(0);

            (await app.Query(db => db.Appointments.SingleAsync(a => a.Id == booked.Id))).Status.ShouldBe(AppointmentStatus.Done);
            var exchange = await app.Query(db => db.Exchanges.SingleAsync(e => e.AppointmentId == booked.Id));
            exchange.Notes.ShouldBe("Leak under the sink confirmed; a quote was asked for.");
            await session.Screenshot("appointment-done-exchange");
            (await session.AccessibilityViolations()).ShouldBeEmpty();
            session.Problems.ShouldBeEmpty();
        }
        finally
        {
            app.Clock.Set(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Planner_attaches_and_downloads_a_document()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await using var session = await AppSession.SignIn(app, s.Planner);
        var page = session.Page;
        var content = "Photos of the kitchen ceiling, taken by the insured."u8.ToArray();

        await page.GotoAsync($"/app/appointments/{booked.Id}");
        await Expect(page.GetByText("No document.")).ToBeVisibleAsync();

        // A type a dossier never holds is refused, in words.
        session.ExpectedStatuses.Add(400);
        await page.GetByLabel("Document to attach").SetInputFilesAsync(new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Allowed file types");

        await page.GetByLabel("Document to attach").SetInputFilesAsync(new FilePayload { Name = "report.txt", MimeType = "text/plain", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Document “report.txt” attached." })).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download report.txt" });
        await Expect(link).ToBeVisibleAsync();
        await session.Screenshot("appointment-document");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("report.txt");
        await using (var stream = await download.CreateReadStreamAsync())
        using (var read = new MemoryStream())
        {
            await stream.CopyToAsync(read);
            read.ToArray().ShouldBe(content);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove report.txt" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Remove this document?" });
        await Expect(dialog).ToContainTextAsync("report.txt");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove the document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Document “report.txt” removed." })).ToBeVisibleAsync();
        await Expect(page.GetByText("No document.")).ToBeVisibleAsync();
        (await app.Query(db => db.AppointmentDocuments.CountAsync(d => d.AppointmentId == booked.Id))).ShouldBe(0);

        (await session.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task To_plan_appointment_can_be_deleted()
    {
        var s = await Scenario.Create(app);
        var toPlan = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Second visit"), s.Planner);
        await using var session = await AppSession.SignIn(app, s.Planner);
        var page = session.Page;

        await page.GotoAsync($"/app/appointments/{toPlan.Id}");
        await Expect(When(page)).ToHaveTextAsync("Not set yet");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this appointment?" });
        await Expect(dialog).ToContainTextAsync("Second visit");
        // Changing one's mind leaves it be.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        (await app.Query(db => db.Appointments.CountAsync(a => a.Id == toPlan.Id))).ShouldBe(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete the appointment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Appointment “Second visit” deleted.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Back to dossier {s.Dossier.Reference}" })).ToHaveAttributeAsync("href", $"/app/dossiers/{s.Dossier.Id}");
        (await app.Query(db => db.Appointments.CountAsync(a => a.Id == toPlan.Id))).ShouldBe(0);

        (await session.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_planificatrice_planifie_un_rendez_vous_ajoute_les_parties_concernees_et_envoie_un_rappel()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var insured = await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.Person, "assurée", Name: "Gisèle LAFRAISE"), s.Planner);
        var toPlan = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise dégâts des eaux"), s.Planner);
        var expertName = await NameOf(s.Expert);
        var colleagueName = await NameOf(colleague);
        await using var session = await AppSession.SignIn(app, s.Planner, "fr-BE");
        var page = session.Page;

        await page.GotoAsync($"/app/appointments/{toPlan.Id}");
        await Expect(page.Locator(".badge").Filter(new() { HasText = "à planifier" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier", Exact = true }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Planifier le rendez-vous" });
        await form.GetByLabel("Utilisateur principal").SelectOptionAsync(new SelectOptionValue { Label = expertName });
        // The date picker speaks French with a 24-hour clock, whatever the browser's own locale; dates are typed day first.
        await form.GetByRole(AriaRole.Button, new() { Name = "Choisir une date" }).First.ClickAsync();
        var picker = page.Locator(".flatpickr-calendar.open");
        await Expect(picker.Locator(".flatpickr-weekday").First).ToHaveTextAsync(new Regex("^\\s*lun\\s*$"));
        await Expect(picker.Locator(".flatpickr-am-pm")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Escape");
        await form.GetByLabel("Début").FillAsync("23/11/2026 10:00");
        await form.GetByLabel("Fin").FillAsync("23/11/2026 11:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rendez-vous planifié." })).ToBeVisibleAsync();
        await Expect(When(page)).ToContainTextAsync("10:00 – 11:00");
        await Expect(When(page)).ToContainTextAsync("heure de Europe/Brussels");
        var planned = await app.Query(db => db.Appointments.SingleAsync(a => a.Id == toPlan.Id));
        (planned.Status, planned.MainUserId, planned.Start).ShouldBe((AppointmentStatus.Planned, s.Expert.Id, Scenario.At(9)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier les parties concernées" }).ClickAsync();
        var parties = page.GetByRole(AriaRole.Form, new() { Name = "Modifier les parties concernées" });
        await parties.GetByLabel("Gisèle LAFRAISE").CheckAsync();
        await parties.GetByLabel("Ajouter un utilisateur interne").SelectOptionAsync(new SelectOptionValue { Label = colleagueName });
        await parties.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        await parties.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les parties concernées" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Parties concernées enregistrées" })).ToBeVisibleAsync();
        var invitations = page.GetByRole(AriaRole.List, new() { Name = "Invitations" });
        await Expect(invitations.GetByRole(AriaRole.Listitem).Filter(new() { HasText = colleagueName })).ToContainTextAsync("en attente");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Parties concernées" })).ToContainTextAsync("Gisèle LAFRAISE");
        var withParties = await app.Send(new GetAppointment.Query(toPlan.Id), s.Planner);
        withParties.Parties.ShouldContain(p => p.ParticipantId == insured.Id);
        withParties.Invitations.Single().UserId.ShouldBe(colleague.Id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer un rappel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rappel envoyé aux personnes concernées." })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer un rappel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "un rappel est déjà parti" })).ToBeVisibleAsync();
        (await app.Query(db => db.Appointments.SingleAsync(a => a.Id == toPlan.Id))).ReminderSentAt.ShouldNotBeNull();

        await session.Screenshot("appointment-fr");
        (await session.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }
}
