using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Invitations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>"My invitations" in a real browser: the invitee sees how many wait, opens one and answers; the organiser sees the answer.</summary>
public sealed class InvitationBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture app;

    public InvitationBrowserTests(BrowserFixture app)
    {
        this.app = app;
        // Two cores shared by many builds: a screen may take more than the default five seconds to answer.
        SetDefaultExpectTimeout(20_000);
    }

    private static readonly ViewportSize Phone = new() { Width = 375, Height = 667 };

    private Task<string> NameOf(TestUser user) => app.Query(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    [Fact]
    public async Task Invited_colleague_sees_the_badge_and_accepts_tentatively_with_a_comment()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var insured = await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.Person, "insured", Name: "Gisèle LAFRAISE"), s.Planner);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Expertise", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            ParticipantIds: [insured.Id], UserIds: [s.Expert.Id, colleague.Id]), s.Planner);
        var colleagueName = await NameOf(colleague);
        var expertName = await NameOf(s.Expert);

        await using (var invitee = await AppSession.SignIn(app, colleague, viewport: Phone))
        {
            var page = invitee.Page;
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            var badge = nav.GetByRole(AriaRole.Link, new() { Name = "My invitations" }).Locator(".badge");
            await Expect(badge).ToHaveTextAsync("1");
            await nav.GetByRole(AriaRole.Link, new() { Name = "My invitations" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My invitations 1 pending");
            var card = page.GetByRole(AriaRole.Article, new() { Name = "Expertise" });
            await Expect(card).ToContainTextAsync("Mon, 23 Nov 2026, 10:00 – 11:00");
            await Expect(card).ToContainTextAsync($"Dossier {s.Dossier.Reference}");
            await Expect(card).ToContainTextAsync($"With {expertName}");
            await card.GetByRole(AriaRole.Button, new() { Name = "Show the details and answer" }).ClickAsync();
            // Who else is concerned and how they answered.
            await Expect(card).ToContainTextAsync("Gisèle LAFRAISE");
            await Expect(card.GetByRole(AriaRole.List, new() { Name = "Invitees" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = colleagueName })).ToContainTextAsync("pending");
            await invitee.Screenshot("invitations-phone-open");
            (await invitee.AccessibilityViolations()).ShouldBeEmpty();

            await card.GetByLabel("Comment (optional)").FillAsync("I may be late, coming from Namur");
            await card.GetByRole(AriaRole.Button, new() { Name = "Accept tentatively" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Answer sent: tentative — Expertise.");
            // The badge and the heading follow: nothing waits any more, and the pending list is empty.
            await Expect(badge).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My invitations none pending");
            await Expect(page.GetByText("No invitation waiting for an answer.")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Switch, new() { Name = "Also show the invitations I have answered" }).CheckAsync();
            await Expect(card).ToContainTextAsync("tentative");
            await invitee.Screenshot("invitations-phone-answered");
            // Nothing wider than the phone's screen.
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
            (await invitee.AccessibilityViolations()).ShouldBeEmpty();
            invitee.Problems.ShouldBeEmpty();
        }

        var stored = (await app.Send(new GetAppointment.Query(appointment.Id), s.Planner)).Invitations.Single();
        (stored.Status, stored.Comment).ShouldBe((InvitationStatus.Tentative, "I may be late, coming from Namur"));

        await using var organiser = await AppSession.SignIn(app, s.Planner);
        await organiser.Page.GotoAsync($"/app/appointments/{appointment.Id}");
        var answer = organiser.Page.GetByRole(AriaRole.List, new() { Name = "Invitations" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = colleagueName });
        await Expect(answer).ToContainTextAsync("tentative");
        await Expect(answer).ToContainTextAsync("I may be late, coming from Namur");
        await organiser.Screenshot("appointment-organiser-sees-answer");
        (await organiser.AccessibilityViolations()).ShouldBeEmpty();
        organiser.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_invitee_ouvre_le_rendez_vous_et_le_refuse_depuis_son_telephone()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var appointment = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite des lieux", s.Expert.Id, Scenario.At(9), Scenario.At(10),
            UserIds: [colleague.Id]), s.Planner);
        await using var invitee = await AppSession.SignIn(app, colleague, "fr-BE", viewport: Phone);
        var page = invitee.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes invitations" }).ClickAsync();
        var card = page.GetByRole(AriaRole.Article, new() { Name = "Visite des lieux" });
        await card.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le rendez-vous" }).ClickAsync();

        // The invitee reads the appointment itself, and answers there.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/app/appointments/{appointment.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visite des lieux", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("when")).ToContainTextAsync("10:00 – 11:00");
        // Not an organiser: no action on the appointment.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Annuler le rendez-vous" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Aucune action possible sur ce rendez-vous.")).ToBeVisibleAsync();
        var mine = page.GetByRole(AriaRole.Region, new() { Name = "Votre réponse" });
        await mine.GetByLabel("Commentaire (facultatif)").FillAsync("En congé ce jour-là");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réponse envoyée : refusé.");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Invitations" })).ToContainTextAsync("refusé");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).Locator(".badge")).ToHaveCountAsync(0);

        (await app.Send(new GetAppointment.Query(appointment.Id), s.Planner)).Invitations.Single().Status.ShouldBe(InvitationStatus.Declined);
        await invitee.Screenshot("appointment-invitee-phone-fr");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        (await invitee.AccessibilityViolations()).ShouldBeEmpty();
        invitee.Problems.ShouldBeEmpty();
    }
}
