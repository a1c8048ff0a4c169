using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Browser;

/// <summary>The browser fixture with the application as shipped: the files of workflows/ deployed and published at start-up.</summary>
public sealed class ShippedWorkflowsBrowserFixture : BrowserFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Workflows:DeployOnStartup", "true");
        web.UseSetting("Workflows:Path", Path.Combine(Node.RepositoryRoot, "workflows"));
    }
}

/// <summary>
/// A designer signed in to the web application (an <see cref="AppSession"/>) who followed the navigation to
/// the designer. Besides what the app session collects (page and console errors, failed requests, error
/// answers, other hosts), counts the refused saves (422 on deploying, part of the journey) and records the
/// dialogs (dismissed).
/// </summary>
public sealed class DesignerSession : IAsyncDisposable
{
    public required AppSession App { get; init; }

    public IBrowserContext Context => App.Context;

    public IPage Page => App.Page;

    public List<string> Problems => App.Problems;

    public List<string> Dialogs { get; } = [];

    public int RefusedSaves { get; private set; }

    public static async Task<DesignerSession> SignIn(BrowserFixture app, TestUser user, string locale = "en-GB")
    {
        var french = locale.StartsWith("fr", StringComparison.Ordinal);
        var inner = await AppSession.Open(app, locale);
        // A refused save answers 422: counted here; any other 422 is still a problem.
        inner.ExpectedStatuses.Add(422);
        var session = new DesignerSession { App = inner };
        var page = inner.Page;
        page.Response += (_, response) =>
        {
            if (response.Status != 422)
                return;
            if (response.Request.Method == "POST" && response.Url.EndsWith("/workflows/definitions", StringComparison.Ordinal))
                session.RefusedSaves++;
            else
                session.Problems.Add($"422 {response.Request.Method} {response.Url}");
        };
        page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await inner.SignInAs(user.Email, AppFixture.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = french ? "Navigation principale" : "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = french ? "Concepteur" : "Designer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = french ? "Concepteur de workflows" : "Workflow designer", Level = 1 })).ToBeVisibleAsync();
        return session;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
