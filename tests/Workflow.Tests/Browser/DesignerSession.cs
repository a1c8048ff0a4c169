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
/// A designer signed in through the home page, who followed its link to the designer. Collects what a
/// person would notice going wrong: page errors, failed requests, error answers other than the "who am I"
/// before signing in and the refused saves (counted apart), and the dialogs (dismissed).
/// </summary>
public sealed class DesignerSession : IAsyncDisposable
{
    public required IBrowserContext Context { get; init; }

    public required IPage Page { get; init; }

    public List<string> Problems { get; } = [];

    public List<string> Dialogs { get; } = [];

    public int RefusedSaves { get; private set; }

    public static async Task<DesignerSession> SignIn(BrowserFixture app, TestUser user)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(20_000);
        var session = new DesignerSession { Context = context, Page = await context.NewPageAsync() };
        var page = session.Page;
        page.PageError += (_, error) => session.Problems.Add(error);
        // A navigation aborts the fetches whose bodies nobody read: net::ERR_ABORTED is not a failure.
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
                session.Problems.Add($"request failed: {request.Url} {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status == 422 && response.Request.Method == "POST" && response.Url.EndsWith("/workflows/definitions"))
                session.RefusedSaves++;
            else if (response.Status >= 400 && !(response.Status == 401 && page.Url.EndsWith('/')))
                session.Problems.Add($"{response.Status} {response.Url}");
        };
        page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(user.Email);
        await page.GetByLabel("Mot de passe / password").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter / Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Concepteur de workflows / Workflow designer" }).ClickAsync();
        return session;
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
