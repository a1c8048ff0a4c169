using System.Diagnostics;
using System.Text.Json;

namespace Workflow.Tests.Infrastructure;

/// <summary>Runs a Node script of the repository (the real ical.js, @formio/core…) with text on stdin and reads its JSON answer.</summary>
public static class Node
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<JsonElement> Run(string scriptFromRoot, string input)
    {
        var script = Path.Combine(RepositoryRoot, scriptFromRoot);
        var modules = Path.Combine(Path.GetDirectoryName(script)!, "node_modules");
        if (!Directory.Exists(modules))
            throw new InvalidOperationException($"{modules} is missing: run the tests with 'bash scripts/test.sh', which installs it.");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node {scriptFromRoot} exited with {process.ExitCode}: {await error}");
        return JsonSerializer.Deserialize<JsonElement>(await output);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Workflow.sln not found above the test binaries.");
    }
}
