using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The web application runs under the Content-Security-Policy: no screen needs an inline script (a refusal is a console error).</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_signs_in_and_walks_the_screens_without_any_content_security_policy_violation()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await using var s = await AppSession.SignIn(app, admin);
        var violations = new List<string>();
        await s.Page.ExposeFunctionAsync("reportViolation", (string what) => { violations.Add(what); });
        // Any refusal the policy makes in this page from now on is reported, besides the console error the browser logs.
        await s.Page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));");

        foreach (var screen in new[] { "/app/", "/app/tasks", "/app/dossiers", "/app/agenda", "/app/invitations", "/app/instances" })
        {
            await s.Page.GotoAsync(screen);
            await Expect(s.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
            await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        violations.ShouldBeEmpty();
        s.Problems.Where(p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
