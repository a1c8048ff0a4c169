using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>An admin signed in to the web application opens Hangfire's dashboard in the same browser, with no Content-Security-Policy refusal.</summary>
public sealed class JobDashboardBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_signed_in_to_the_web_application_opens_the_job_dashboard()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await using var s = await AppSession.SignIn(app, admin);
        var violations = new List<string>();
        await s.Page.ExposeFunctionAsync("reportViolation", (string what) => { violations.Add(what); });
        await s.Page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));");

        await s.Page.GotoAsync("/jobs");
        await Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = "Workflow jobs" })).ToBeVisibleAsync();
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Recurring Jobs" })).ToBeVisibleAsync();
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        violations.ShouldBeEmpty();
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_planner_signed_in_is_refused()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, planner);
        s.ExpectedStatuses.Add(403);

        var response = await s.Page.GotoAsync("/jobs");

        response!.Status.ShouldBe(403);
    }
}
