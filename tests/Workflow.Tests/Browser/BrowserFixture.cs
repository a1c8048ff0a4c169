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
        if (!File.Exists(Path.Combine(Node.RepositoryRoot, "src/Workflow.Web/wwwroot/lib/formio/formio.full.min.js")))
            throw new InvalidOperationException("The Form.io renderer is missing from wwwroot/lib: run the tests with 'bash scripts/test.sh', which copies it.");
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
