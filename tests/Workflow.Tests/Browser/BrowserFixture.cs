using Microsoft.Playwright;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Browser;

/// <summary>
/// The application on Kestrel and Debian's chromium driven by Playwright (which cannot download
/// its own browsers here). scripts/test.sh installs chromium and the web assets.
/// </summary>
public class BrowserFixture : AppFixture, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool ServesRealHttp => true;

    public new async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run the tests with 'bash scripts/test.sh', which installs it.");
        if (!File.Exists(Path.Combine(Node.RepositoryRoot, "src/Workflow.Web/wwwroot/app/index.html")))
            throw new InvalidOperationException("The web application is not built (wwwroot/app): run the tests with 'bash scripts/test.sh', which builds it.");
        // The machines that run these tests are shared and slow at times: assertions wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(20_000);
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
