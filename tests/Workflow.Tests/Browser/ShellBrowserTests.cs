using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The frame around every screen: signing in and out, navigation by role, the language and the time zone.</summary>
public sealed class ShellBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Planner_signs_in_sees_the_work_navigation_and_signs_out()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, planner);
        var nav = s.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        foreach (var item in new[] { "My tasks", "Dossiers", "My agenda", "My invitations" })
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Designer" })).ToHaveCountAsync(0);
        // The time zone every time on the screens is read in is named.
        await Expect(s.Page.GetByText("Time zone: Europe/Brussels")).ToBeVisibleAsync();
        (await s.AccessibilityViolations()).ShouldBeEmpty();
        await s.Screenshot("shell-planner");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        // Signed out means signed out: the inbox sends back to the sign-in page.
        await s.Page.GotoAsync("/app/tasks");
        await Expect(s.Page.GetByLabel("E-mail address")).ToBeVisibleAsync();
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Designer_sees_the_designer_and_instances_but_not_the_dossiers()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var s = await AppSession.SignIn(app, designer);
        var nav = s.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Designer" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Instances" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Dossiers" })).ToHaveCountAsync(0);
        // A screen of another role, reached by its address, says so instead of failing.
        await s.Page.GotoAsync("/app/dossiers");
        await Expect(s.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You may not do this");
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_words_and_the_sign_in_page_checks_nobody_with_a_401()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.Open(app, "fr-BE");
        s.ExpectedStatuses.Add(401);
        await s.Page.GotoAsync("/app/");
        await s.Page.GetByLabel("Adresse e-mail").FillAsync(planner.Email);
        await s.Page.GetByLabel("Mot de passe").FillAsync("not the password");
        var answer = await s.Page.RunAndWaitForResponseAsync(
            () => s.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync(), r => r.Url.Contains("/auth/login"));
        answer.Status.ShouldBe(401);
        await Expect(s.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        (await s.AccessibilityViolations()).ShouldBeEmpty();
        await s.Screenshot("sign-in-refused-fr");
        // The only 401 of the visit is the refused sign-in itself.
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_language_chosen_follows_the_user_to_another_browser()
    {
        var expert = await app.CreateUser(Roles.Expert);
        await using (var first = await AppSession.SignIn(app, expert, "en-GB"))
        {
            // The page turns French at once and saves the choice after: wait for the save before leaving this browser.
            await first.Page.RunAndWaitForResponseAsync(
                async () => await first.Page.GetByLabel("Language").SelectOptionAsync("fr"),
                r => r.Url.EndsWith("/auth/me/language", StringComparison.Ordinal) && r.Request.Method == "PUT" && r.Ok);
            await Expect(first.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
            await Expect(first.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            first.Problems.ShouldBeEmpty();
        }
        // Another browser, in English: the page starts in English, and turns French once she is known.
        await using var second = await AppSession.Open(app, "en-GB");
        await second.SignInAs(expert.Email, AppFixture.Password);
        await Expect(second.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await Expect(second.Page.GetByRole(AriaRole.Link, new() { Name = "Mon agenda" })).ToBeVisibleAsync();
        second.Problems.ShouldBeEmpty();
    }
}
