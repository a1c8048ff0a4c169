using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>"My agenda" in a real browser: an expert keeps her availability ranges on the grid, sees her appointments, and links her calendars.</summary>
public sealed class AgendaBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly FeedServer _feeds = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    static AgendaBrowserTests() => SetDefaultExpectTimeout(15_000);

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Expert_draws_a_new_availability_range_and_a_planner_can_book_inside_it_at_once()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var expert = await app.CreateUser(Roles.Expert);
        var office = await app.Send(new CreateLocation.Command($"Namur {Guid.NewGuid():N}"[..14], new Address("Place d'Armes 1, 5000 Namur", 50.4622, 4.8668), LocationKind.Office), planner);
        await using var s = await AppSession.SignIn(app, expert);
        await s.Page.GotoAsync("/app/agenda");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "My agenda", Level = 1 })).ToBeVisibleAsync();

        // Tuesday 24 November, 10:00 to 12:00 on her (Brussels) clock.
        await DrawOnGrid(s.Page, day: 1, from: 10, to: 12);
        var dialog = s.Page.GetByRole(AriaRole.Dialog, new() { Name = "New availability range" });
        await Expect(dialog.GetByLabel("Start")).ToHaveValueAsync("24/11/2026 10:00");
        await Expect(dialog.GetByLabel("End")).ToHaveValueAsync("24/11/2026 12:00");
        await dialog.GetByLabel("Location").SelectOptionAsync(new SelectOptionValue { Label = office.Name });
        await s.Screenshot("agenda-draw-range-dialog");
        (await s.AccessibilityViolations()).ShouldBeEmpty();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save the range" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(s.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Range added" })).ToContainTextAsync("10:00 – 12:00");
        await Expect(s.Page.Locator(".ec-event.range-event")).ToContainTextAsync($"Available – {office.Name}");
        await s.Screenshot("agenda-range-drawn");
        var range = await app.Query(db => db.AvailabilityRanges.SingleAsync(r => r.UserId == expert.Id));
        (range.Start, range.End, range.LocationId).ShouldBe((Utc(24, 9), Utc(24, 11), (Guid?)office.Id));

        var dossier = await app.Send(new CreateDossier.Command("Dégâts des eaux", "expertise", planner.Id), planner);
        var booking = await (await app.Client(planner)).PostAsJsonAsync("/appointments",
            new { dossierId = dossier.Id, title = "Expertise", mainUserId = expert.Id, start = Utc(24, 9, 30), end = Utc(24, 10, 30) }, AppFixture.Json);
        booking.StatusCode.ShouldBe(HttpStatusCode.Created, await booking.Content.ReadAsStringAsync());

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Expert_sees_the_appointment_booked_for_her_in_her_agenda()
    {
        var scenario = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(scenario.Dossier.Id, "Water damage visit", scenario.Expert.Id, Scenario.At(9), Scenario.At(10)), scenario.Planner);
        await using var s = await AppSession.SignIn(app, scenario.Expert);
        await s.Page.GotoAsync("/app/agenda");

        var onGrid = s.Page.Locator(".ec-event.appointment-event");
        await Expect(onGrid).ToContainTextAsync("Water damage visit");
        await Expect(onGrid).ToContainTextAsync("10:00"); // 09:00 UTC is 10:00 in Brussels
        await Expect(s.Page.Locator(".ec-event.range-event")).ToContainTextAsync("Available");
        var listed = s.Page.GetByRole(AriaRole.Region, new() { Name = "In this period" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Water damage visit" });
        await Expect(listed).ToContainTextAsync("10:00 – 11:00");
        await Expect(listed.GetByRole(AriaRole.Link, new() { Name = "Water damage visit" })).ToHaveAttributeAsync("href", $"/app/appointments/{booked.Id}");
        await s.Screenshot("agenda-week-with-appointment");
        (await s.AccessibilityViolations()).ShouldBeEmpty();

        await onGrid.ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex($"/app/appointments/{booked.Id}$"));
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Expert_moves_and_deletes_a_range()
    {
        var scenario = await Scenario.Create(app); // Monday 23 November, 09:00–12:30 in Brussels
        await using var s = await AppSession.SignIn(app, scenario.Expert);
        s.ExpectedStatuses.Add(409);
        await s.Page.GotoAsync("/app/agenda");
        var range = s.Page.Locator(".ec-event.range-event");
        await Expect(range).ToContainTextAsync("Available");

        // Dragged from Monday to Wednesday, same hours.
        var box = (await range.BoundingBoxAsync())!;
        var monday = (await Column(s.Page, 0).BoundingBoxAsync())!;
        var wednesday = (await Column(s.Page, 2).BoundingBoxAsync())!;
        await Drag(s.Page, box.X + box.Width / 2, box.Y + 15, box.X + box.Width / 2 + (wednesday.X - monday.X), box.Y + 15);
        var moved = s.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Range moved" });
        await Expect(moved).ToContainTextAsync("25 Nov 2026");
        await Expect(moved).ToContainTextAsync("09:00 – 12:30");
        (await Stored()).ShouldBe((Utc(25, 8), Utc(25, 11, 30)));

        // Stretched by an hour from its bottom edge.
        await range.HoverAsync();
        var edge = (await range.Locator(".ec-resizer:not(.ec-start)").BoundingBoxAsync())!;
        await Drag(s.Page, edge.X + edge.Width / 2, edge.Y + edge.Height / 2, edge.X + edge.Width / 2, edge.Y + edge.Height / 2 + 2 * SlotHeight(wednesday));
        await Expect(s.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Range moved" })).ToContainTextAsync("09:00 – 13:30");
        (await Stored()).ShouldBe((Utc(25, 8), Utc(25, 12, 30)));

        // A planner books inside it: the range can no longer be moved away from that appointment.
        await app.Send(new CreateAppointment.Command(scenario.Dossier.Id, "Visit", scenario.Expert.Id, Utc(25, 9), Utc(25, 10)), scenario.Planner);
        await range.ClickAsync(new() { Position = new Position { X = 10, Y = 10 } });
        var dialog = s.Page.GetByRole(AriaRole.Dialog, new() { Name = "Availability range" });
        await dialog.GetByLabel("Start").FillAsync("2026-11-25T12:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save the range" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A planned appointment in this range would fall outside it. Move or cancel the appointment first.");
        await s.Screenshot("agenda-range-move-refused");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete the range" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Really delete" }).GetByRole(AriaRole.Button, new() { Name = "Delete the range" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(s.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Range deleted." })).ToBeVisibleAsync();
        await Expect(range).ToHaveCountAsync(0);
        (await app.Query(db => db.AvailabilityRanges.CountAsync(r => r.UserId == scenario.Expert.Id))).ShouldBe(0);

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();

        Task<(DateTimeOffset, DateTimeOffset)> Stored() =>
            app.Query(async db => await db.AvailabilityRanges.Where(r => r.Id == scenario.Range.Id).Select(r => new { r.Start, r.End }).SingleAsync() is var r ? (r.Start, r.End) : default);
    }

    [Fact]
    public async Task Expert_adds_an_external_calendar_and_gets_her_private_feed_url()
    {
        var expert = await app.CreateUser(Roles.Expert);
        var outlook = _feeds.Publish($"/{Guid.NewGuid():N}/outlook.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@test\r\nDTSTAMP:20261101T000000Z\r\n" +
            "DTSTART:20261124T130000Z\r\nDTEND:20261124T140000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        var broken = _feeds.Publish($"/{Guid.NewGuid():N}/broken.ics", "gone", status: 500);
        await using var s = await AppSession.SignIn(app, expert);
        await s.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await s.Page.GotoAsync("/app/agenda");
        var feeds = s.Page.GetByRole(AriaRole.Region, new() { Name = "My external calendars" });
        await Expect(feeds).ToContainTextAsync("No external calendar.");

        await feeds.GetByLabel("iCalendar address").FillAsync(outlook);
        await feeds.GetByLabel("Name").FillAsync("Outlook");
        await feeds.GetByRole(AriaRole.Button, new() { Name = "Add the calendar" }).ClickAsync();
        await Expect(feeds.GetByRole(AriaRole.Status)).ToContainTextAsync("External calendar added.");
        await feeds.GetByRole(AriaRole.Button, new() { Name = "Synchronise Outlook" }).ClickAsync();
        await Expect(feeds.GetByRole(AriaRole.Status)).ToHaveTextAsync("Outlook synchronised.");
        var item = feeds.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Outlook" });
        await Expect(item).ToContainTextAsync("up to date");
        await Expect(item).ToContainTextAsync("1 busy event(s)");
        await Expect(item).ToContainTextAsync(new Regex("Last synchronised: .*23 Nov 2026.*08:00"));
        await Expect(s.Page.Locator(".ec-event.busy-event")).ToContainTextAsync("14:00");

        await feeds.GetByLabel("iCalendar address").FillAsync(broken);
        await feeds.GetByLabel("Name").FillAsync("Old agenda");
        await feeds.GetByRole(AriaRole.Button, new() { Name = "Add the calendar" }).ClickAsync();
        await feeds.GetByRole(AriaRole.Button, new() { Name = "Synchronise Old agenda" }).ClickAsync();
        var failing = feeds.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Old agenda" });
        await Expect(failing).ToContainTextAsync("failing");
        await Expect(failing).ToContainTextAsync("Error:");
        await Expect(feeds.GetByRole(AriaRole.Status)).ToContainTextAsync("Synchronising Old agenda failed");
        await failing.GetByRole(AriaRole.Button, new() { Name = "Remove Old agenda" }).ClickAsync();
        await failing.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "Remove Old agenda" }).ClickAsync();
        await Expect(feeds.GetByRole(AriaRole.Status)).ToHaveTextAsync("Old agenda removed.");
        await Expect(failing).ToHaveCountAsync(0);

        var personal = s.Page.GetByRole(AriaRole.Region, new() { Name = "My private calendar address" });
        await personal.GetByRole(AriaRole.Button, new() { Name = "Create my private address" }).ClickAsync();
        var address = personal.GetByLabel("Private address of your agenda");
        await Expect(address).ToHaveValueAsync(new Regex(@"^http://.+/calendar/[A-Za-z0-9_-]+\.ics$"));
        var first = await address.InputValueAsync();
        await personal.GetByRole(AriaRole.Button, new() { Name = "Copy the address" }).ClickAsync();
        await Expect(personal.GetByRole(AriaRole.Status)).ToHaveTextAsync("Address copied to the clipboard.");
        (await s.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(first);
        await s.Screenshot("agenda-calendars");
        (await s.AccessibilityViolations()).ShouldBeEmpty();
        var anonymous = await app.Client();
        (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await personal.GetByRole(AriaRole.Button, new() { Name = "Renew the address" }).ClickAsync();
        await personal.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "Renew the address" }).ClickAsync();
        await Expect(address).Not.ToHaveValueAsync(first);
        var second = await address.InputValueAsync();
        (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await personal.GetByRole(AriaRole.Button, new() { Name = "Revoke the address" }).ClickAsync();
        await personal.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "Revoke the address" }).ClickAsync();
        await Expect(personal.GetByRole(AriaRole.Status)).ToHaveTextAsync("Address revoked: it no longer works.");
        await Expect(address).ToHaveCountAsync(0);
        (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Expert_in_French_adds_a_range_with_the_keyboard_and_sees_her_month()
    {
        var scenario = await Scenario.Create(app);
        await using var s = await AppSession.SignIn(app, scenario.Expert, "fr-BE");
        await s.Page.GotoAsync("/app/agenda");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Mon agenda", Level = 1 })).ToBeVisibleAsync();

        var form = s.Page.GetByRole(AriaRole.Region, new() { Name = "Ajouter une plage" });
        await form.GetByLabel("Jour", new() { Exact = true }).FillAsync("2026-11-26");
        await form.GetByLabel("De", new() { Exact = true }).SelectOptionAsync("13:00");
        await form.GetByLabel("À", new() { Exact = true }).SelectOptionAsync("17:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la plage" }).PressAsync("Enter");

        await Expect(s.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Plage ajoutée" })).ToContainTextAsync("13:00 – 17:00");
        await Expect(s.Page.Locator(".ec-event.range-event")).ToHaveCountAsync(2);
        var added = await app.Query(db => db.AvailabilityRanges.SingleAsync(r => r.UserId == scenario.Expert.Id && r.Id != scenario.Range.Id));
        (added.Start, added.End).ShouldBe((Utc(26, 12), Utc(26, 16)));

        // The same range again is refused, in words.
        s.ExpectedStatuses.Add(409);
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la plage" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Cette plage chevauche une autre de vos plages de disponibilité.");
        await s.Screenshot("agenda-fr-week");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Mois" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Mois" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(s.Page.Locator(".ec-event.range-event").First).ToBeVisibleAsync();
        await Expect(s.Page.GetByRole(AriaRole.Region, new() { Name = "Agenda de" })).ToContainTextAsync("novembre 2026");
        await s.Screenshot("agenda-fr-month");

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Expert_on_a_phone_sees_her_day_and_opens_her_range()
    {
        var scenario = await Scenario.Create(app);
        await using var s = await AppSession.SignIn(app, scenario.Expert, viewport: new ViewportSize { Width = 390, Height = 844 });
        await s.Page.GotoAsync("/app/agenda");

        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Day", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Column(s.Page, 0)).ToBeVisibleAsync();
        await Expect(s.Page.Locator(".ec-body .ec-day")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator(".ec-event.range-event")).ToContainTextAsync("Available");
        (await s.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await s.Screenshot("agenda-phone");

        var list = s.Page.GetByRole(AriaRole.Region, new() { Name = "In this period" });
        await list.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Change the range of .*23 Nov 2026.*09:00 – 12:30$") }).ClickAsync();
        var dialog = s.Page.GetByRole(AriaRole.Dialog, new() { Name = "Availability range" });
        await Expect(dialog.GetByLabel("End")).ToHaveValueAsync("23/11/2026 12:30");
        await s.Screenshot("agenda-phone-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        s.Problems.ShouldBeEmpty();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
    }

    private static ILocator Column(IPage page, int day) => page.Locator(".ec-body .ec-grid .ec-day").Nth(day);

    /// <summary>The grid shows 07:00 to 20:00 in half-hour slots.</summary>
    private static float SlotHeight(LocatorBoundingBoxResult column) => column.Height / 26;

    /// <summary>Selects a span of the week grid with the mouse, as a person draws a range.</summary>
    private static async Task DrawOnGrid(IPage page, int day, float from, float to)
    {
        var column = Column(page, day);
        var box = (await column.BoundingBoxAsync())!;
        // Bring the span into the window: the mouse only reaches what is shown.
        await page.EvaluateAsync("y => window.scrollBy(0, y)", box.Y + (from - 7) * 2 * SlotHeight(box) - 200);
        box = (await column.BoundingBoxAsync())!;
        float Y(float hour) => box.Y + (hour - 7) * 2 * SlotHeight(box);
        var x = box.X + box.Width / 2;
        await Drag(page, x, Y(from) + 3, x, Y(to) - 3);
    }

    private static async Task Drag(IPage page, float fromX, float fromY, float toX, float toY)
    {
        await page.Mouse.MoveAsync(fromX, fromY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(fromX + (toX - fromX) / 4, fromY + (toY - fromY) / 4, new() { Steps = 4 });
        await page.Mouse.MoveAsync(toX, toY, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
