using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>
/// The web host as a separate process on a test database, so a test can kill it mid-run: the application's own
/// host with its crash points armed (tests/Workflow.CrashHost: CrashAt names the point where it dies).
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    public Uri Address { get; }

    private WebProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public bool HasExited => _process.HasExited;

    public static async Task<WebProcess> Start(string connectionString, IDictionary<string, string> settings)
    {
        // The crash host's build output, with the same configuration as these tests.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(Node.RepositoryRoot, "tests", "Workflow.CrashHost", "bin", configuration, "net10.0", "Workflow.CrashHost.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        info.Environment["ConnectionStrings__Workflow"] = connectionString;
        info.Environment["Identity__PasswordHashIterations"] = "1000";
        info.Environment["Workflows__DeployOnStartup"] = "false";
        info.Environment["Jobs__Server"] = "false";
        foreach (var (key, value) in settings)
            info.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var web = new WebProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Eventually.Until(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The web process exited with {process.ExitCode} while starting.");
                try
                {
                    return (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), "The web process answering /health");
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> WaitForExit(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
