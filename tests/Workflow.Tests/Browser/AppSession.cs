using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>
/// A person signed in to the web application through its sign-in page, in a browser whose clock and
/// language the test chose. Collects what that person would notice going wrong: page errors, console
/// errors, failed requests, error answers the test did not expect, and any request to another host.
/// </summary>
public sealed class AppSession : IAsyncDisposable
{
    public required IBrowserContext Context { get; init; }

    public required IPage Page { get; init; }

    public List<string> Problems { get; } = [];

    /// <summary>Answers with these statuses are part of the journey (a refusal the test provokes), not problems.</summary>
    public HashSet<int> ExpectedStatuses { get; } = [];

    public static async Task<AppSession> Open(BrowserFixture app, string locale = "en-GB", DateTimeOffset? clock = null, ViewportSize? viewport = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress!.ToString(),
            Locale = locale,
            TimezoneId = "Europe/Brussels",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new AppSession { Context = context, Page = page };
        // The browser's clock follows the application's test clock, so "this week" is the week the data is in.
        await page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = (clock ?? app.Clock.GetUtcNow()).UtcDateTime });
        var origin = app.BaseAddress!.GetLeftPart(UriPartial.Authority);
        page.PageError += (_, error) => session.Problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                session.Problems.Add($"console error: {message.Text}");
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                session.Problems.Add($"request to another host: {request.Url}");
        };
        // A navigation aborts the fetches whose bodies nobody read: net::ERR_ABORTED is not a failure.
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
                session.Problems.Add($"request failed: {request.Url} {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !session.ExpectedStatuses.Contains(response.Status))
                session.Problems.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
        return session;
    }

    /// <summary>Opens the application and signs in through its page, in the page's language.</summary>
    public static async Task<AppSession> SignIn(BrowserFixture app, TestUser user, string locale = "en-GB", DateTimeOffset? clock = null, ViewportSize? viewport = null)
    {
        var session = await Open(app, locale, clock, viewport);
        await session.SignInAs(user.Email, AppFixture.Password);
        return session;
    }

    public async Task SignInAs(string email, string password)
    {
        var french = (await Page.EvaluateAsync<string>("() => navigator.language")).StartsWith("fr", StringComparison.Ordinal);
        await Page.GotoAsync("/app/");
        await Page.GetByLabel(french ? "Adresse e-mail" : "E-mail address").FillAsync(email);
        await Page.GetByLabel(french ? "Mot de passe" : "Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = french ? "Se connecter" : "Sign in" }).ClickAsync();
        // The main navigation, in whichever language the user saved.
        await Expect(Page.Locator("header nav")).ToBeVisibleAsync();
    }

    /// <summary>axe-core on the page as it is: violations of serious or critical impact, described.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolations()
    {
        var result = await Page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
    }

    /// <summary>Saves a screenshot under the test output's screenshots folder (kept as a test artefact).</summary>
    public async Task Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
