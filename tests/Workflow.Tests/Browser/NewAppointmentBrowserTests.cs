using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>
/// The new-appointment screen (Chill's "rendez-vous dans l'agenda d'un autre utilisateur"): the main
/// user's week with their availability ranges, a click inside proposes the slot, outside is refused with
/// the offer to book in one's own agenda; concerned parties with their agendas and switches; new places.
/// </summary>
public sealed class NewAppointmentBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture app;

    public NewAppointmentBrowserTests(BrowserFixture app)
    {
        this.app = app;
        // Two cores shared by many builds: the first screen and its agendas may take longer than 5 s.
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task Chills_journey_case_worker_books_in_a_colleagues_agenda_becomes_the_main_user_and_sees_the_tentative_answer()
    {
        var s = await Scenario.Create(app);
        var colleague = s.Expert; // available on Monday from 09:00 to 12:30, Brussels time
        var social = await app.CreateUser(Roles.Expert);
        await app.Send(new AddAvailabilityRange.Command(social.Id, Scenario.At(13), Scenario.At(16), null), s.Planner);
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.Person, "usager", Name: "Jeanne Dupont"), s.Planner);
        var (me, colleagueName, socialName) = (await Name(s.Planner.Id), await Name(colleague.Id), await Name(social.Id));

        await using var session = await AppSession.SignIn(app, s.Planner);
        var page = session.Page;
        // From the dossier.
        await page.GotoAsync($"/app/dossiers/{s.Dossier.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "New appointment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New appointment", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Home visit");
        await page.GetByLabel("Main user", new() { Exact = true }).SelectOptionAsync(colleague.Id.ToString());

        // Her agenda for the week: the Monday morning range, drawn and said in words.
        await Expect(page.Locator($".ec-bg-event.agenda-of-{colleague.Id}")).ToHaveCountAsync(1);
        await Expect(page.Locator(".ranges-summary")).ToContainTextAsync("09:00 – 12:30");

        // Monday 14:15 is outside her ranges: refused, with the offer.
        await ClickAt(page, column: 0, hour: 14.25);
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is not available" });
        await Expect(refusal).ToContainTextAsync("no appointment may be set outside the main user’s availability ranges");
        await session.Screenshot("new-appointment-refused-outside-range");
        await refusal.GetByRole(AriaRole.Button, new() { Name = "Book in my own agenda instead" }).ClickAsync();

        // I am the main user now; her agenda stays beside mine, she is a concerned user.
        await Expect(page.GetByLabel("Main user", new() { Exact = true })).ToHaveValueAsync(s.Planner.Id.ToString());
        var people = page.GetByRole(AriaRole.List, new() { Name = "Agendas shown" });
        await Expect(people.GetByRole(AriaRole.Group, new() { Name = me })).ToContainTextAsync("main");
        await Expect(people.GetByRole(AriaRole.Group, new() { Name = colleagueName })).ToContainTextAsync("concerned");
        await Expect(page.Locator($".ec-bg-event.agenda-of-{colleague.Id}")).ToHaveCountAsync(1);
        await Expect(page.Locator(".ec-event.candidate-event")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("23/11/2026 14:00");
        await Expect(page.GetByLabel("End", new() { Exact = true })).ToHaveValueAsync("23/11/2026 15:00");

        // A concerned person of the dossier, and an internal user whose agenda appears with its two switches.
        await page.GetByLabel("Jeanne Dupont").CheckAsync();
        await page.GetByLabel("Internal user to add").SelectOptionAsync(social.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var socialAgenda = people.GetByRole(AriaRole.Group, new() { Name = socialName });
        await Expect(page.Locator($".ec-bg-event.agenda-of-{social.Id}")).ToHaveCountAsync(1);
        await Expect(socialAgenda.GetByRole(AriaRole.Switch, new() { Name = "External calendar" })).ToBeCheckedAsync();
        await session.Screenshot("new-appointment-three-agendas");
        (await session.AccessibilityViolations()).ShouldBeEmpty();
        await socialAgenda.GetByRole(AriaRole.Switch, new() { Name = "Availability ranges" }).ClickAsync();
        await Expect(page.Locator($".ec-bg-event.agenda-of-{social.Id}")).ToHaveCountAsync(0);
        await Expect(page.Locator($".ec-bg-event.agenda-of-{colleague.Id}")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/app/appointments/[0-9a-f-]{36}$"));

        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == s.Dossier.Id));
        booked.Status.ShouldBe(AppointmentStatus.Planned);
        booked.MainUserId.ShouldBe(s.Planner.Id);
        (booked.Start, booked.End).ShouldBe((Scenario.At(13), Scenario.At(14)));
        var invited = await app.Query(db => db.Invitations.Where(i => i.AppointmentId == booked.Id).Select(i => i.UserId).ToListAsync());
        invited.ShouldBe([colleague.Id, social.Id], ignoreOrder: true);
        var parties = await app.Send(new GetAppointment.Query(booked.Id), s.Planner);
        parties.Parties.ShouldContain(p => p.Name == "Jeanne Dupont");
        session.Problems.ShouldBeEmpty();

        // The concerned colleague sees the badge and the invitation, and accepts tentatively.
        await using (var invitee = await AppSession.SignIn(app, social))
        {
            var nav = invitee.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My invitations" }).Locator(".badge")).ToHaveTextAsync("1");
            await nav.GetByRole(AriaRole.Link, new() { Name = "My invitations" }).ClickAsync();
            var card = invitee.Page.GetByRole(AriaRole.Article, new() { Name = "Home visit" });
            await Expect(card).ToContainTextAsync("Mon, 23 Nov 2026, 14:00 – 15:00");
            await card.GetByRole(AriaRole.Button, new() { Name = "Show the details and answer" }).ClickAsync();
            await card.GetByLabel("Comment (optional)").FillAsync("After my 13:00 visit");
            await card.GetByRole(AriaRole.Button, new() { Name = "Accept tentatively" }).ClickAsync();
            await Expect(invitee.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Answer sent: tentative — Home visit.");
            invitee.Problems.ShouldBeEmpty();
        }

        // The case worker sees the answer on the appointment.
        await page.ReloadAsync();
        var answer = page.GetByRole(AriaRole.List, new() { Name = "Invitations" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = socialName });
        await Expect(answer).ToContainTextAsync("tentative");
        await Expect(answer).ToContainTextAsync("After my 13:00 visit");
        await session.Screenshot("new-appointment-chill-answer-seen");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Booking_inside_the_main_users_range_proposes_that_slot()
    {
        var s = await Scenario.Create(app);
        var office = await app.Send(new CreateLocation.Command("Namur office", new Address("Place d'Armes 1, 5000 Namur", 50.46, 4.87), LocationKind.Office), s.Planner);
        await app.Send(new AddAvailabilityRange.Command(s.Expert.Id, Scenario.At(8).AddDays(1), Scenario.At(12).AddDays(1), office.Id), s.Planner);
        await app.Send(new AssignExpert.Command(s.Dossier.Id, s.Expert.Id, null), s.Planner);

        await using var session = await AppSession.SignIn(app, s.Planner);
        session.ExpectedStatuses.Add(409);
        var page = session.Page;
        await page.GotoAsync($"/app/dossiers/{s.Dossier.Id}/appointments/new");
        // The dossier's expert is the main user by default; the Tuesday range says where it is.
        await Expect(page.GetByLabel("Main user", new() { Exact = true })).ToHaveValueAsync(s.Expert.Id.ToString());
        await Expect(page.Locator($".ec-bg-event.agenda-of-{s.Expert.Id}")).ToHaveCountAsync(2);
        await Expect(page.Locator($".ec-bg-event.agenda-of-{s.Expert.Id}").Filter(new() { HasText = "Namur office" })).ToHaveCountAsync(1);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Expertise visit");

        // Monday 10:10 is inside her 09:00–12:30 range: the 10:00 slot of an hour is proposed.
        await ClickAt(page, column: 0, hour: 10 + 10 / 60.0);
        await Expect(page.Locator(".ec-event.candidate-event")).ToContainTextAsync("Expertise visit");
        await Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("23/11/2026 10:00");
        await Expect(page.GetByLabel("End", new() { Exact = true })).ToHaveValueAsync("23/11/2026 11:00");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Proposed slot" })).ToContainTextAsync("10:00 – 11:00");
        await session.Screenshot("new-appointment-slot-proposed");
        (await session.AccessibilityViolations()).ShouldBeEmpty();

        // Someone else takes that hour meanwhile: the server refuses, in words, and nothing is lost.
        await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Taken first", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "overlaps another appointment" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Expertise visit");
        await session.Screenshot("new-appointment-refused-overlap");

        // Typing the start (keyboard users) moves the slot to 11:00, still inside her range.
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync("2026-11-23T11:00");
        await Expect(page.GetByLabel("End", new() { Exact = true })).ToHaveValueAsync("23/11/2026 12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/app/appointments/[0-9a-f-]{36}$"));

        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == s.Dossier.Id && a.Title == "Expertise visit"));
        booked.MainUserId.ShouldBe(s.Expert.Id);
        booked.Status.ShouldBe(AppointmentStatus.Planned);
        (booked.Start, booked.End).ShouldBe((Scenario.At(10), Scenario.At(11)));
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task New_location_created_while_booking()
    {
        var s = await Scenario.Create(app);

        await using var session = await AppSession.SignIn(app, s.Planner, "fr-BE");
        var page = session.Page;
        await page.GotoAsync($"/app/dossiers/{s.Dossier.Id}/appointments/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouveau rendez-vous", Level = 1 })).ToBeVisibleAsync();
        // Without an expert on the dossier, my own agenda is the default one.
        await Expect(page.GetByLabel("Utilisateur principal", new() { Exact = true })).ToHaveValueAsync(s.Planner.Id.ToString());
        await page.GetByLabel("Objet", new() { Exact = true }).FillAsync("Entretien au CPAS");
        await page.GetByLabel("Lieu", new() { Exact = true }).SelectOptionAsync("__new");
        await page.GetByLabel("Nom du lieu").FillAsync("CPAS de Gembloux");
        await page.GetByLabel("Adresse").FillAsync("Rue Chapelle Marion 8, 5030 Gembloux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le lieu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "créé et choisi" })).ToContainTextAsync("CPAS de Gembloux");
        await Expect(page.GetByLabel("Lieu", new() { Exact = true }).Locator("option:checked")).ToContainTextAsync("CPAS de Gembloux");

        await page.GetByLabel("Début", new() { Exact = true }).FillAsync("2026-11-24T15:30");
        await Expect(page.GetByLabel("Fin", new() { Exact = true })).ToHaveValueAsync("24/11/2026 16:30");
        await Expect(page.Locator(".ec-event.candidate-event")).ToContainTextAsync("Entretien au CPAS");
        await session.Screenshot("new-appointment-new-location");
        (await session.AccessibilityViolations()).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le rendez-vous" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/app/appointments/[0-9a-f-]{36}$"));

        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.DossierId == s.Dossier.Id));
        var location = await app.Query(db => db.Locations.SingleAsync(l => l.Id == booked.LocationId));
        location.Name.ShouldBe("CPAS de Gembloux");
        location.Address.Text.ShouldBe("Rue Chapelle Marion 8, 5030 Gembloux");
        booked.MainUserId.ShouldBe(s.Planner.Id);
        (booked.Start, booked.End).ShouldBe((Scenario.At(14, 30).AddDays(1), Scenario.At(15, 30).AddDays(1)));
        session.Problems.ShouldBeEmpty();
    }

    private Task<string> Name(Guid userId) => app.Query(db => db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync());

    /// <summary>Clicks the week grid's <paramref name="column"/> (day × person, Monday's first person is 0) at a time of day, Brussels time.</summary>
    private static async Task ClickAt(IPage page, int column, double hour)
    {
        var day = page.Locator(".ec-body .ec-day").Nth(column);
        await day.ScrollIntoViewIfNeededAsync();
        var box = (await day.BoundingBoxAsync())!;
        // The grid runs from 07:00 to 19:00.
        await day.ClickAsync(new() { Position = new() { X = box.Width / 2, Y = (float)(box.Height * (hour - 7) / 12) } });
    }
}
