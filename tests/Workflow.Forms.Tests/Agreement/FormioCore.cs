using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Runs the real @formio/core (tests/Workflow.Forms.Tests/formio, pinned in its package-lock)
/// on a batch of {form, submission} cases through node, and reads back its (path, rule) errors.
/// Installs nothing: scripts/test.sh runs npm ci before the tests.
/// </summary>
internal static class FormioCore
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "tests", "Workflow.Forms.Tests", "formio");

    /// <summary>core's errors for each case, or null where core itself threw (it does on some malformed multiple values).</summary>
    public static IReadOnlyList<IReadOnlySet<string>?> Validate(JsonArray cases)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@formio", "core")))
            throw new InvalidOperationException($"@formio/core is not installed: run npm ci --prefix {Directory} (scripts/test.sh does)");
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, cases.ToJsonString());
            var stdout = RunNode("@formio/core", "validate.js", input);
            var results = JsonNode.Parse(stdout)!.AsArray();
            return results.Select(r =>
            {
                if (r!["crash"] is not null) return null;
                return (IReadOnlySet<string>?)r["errors"]!.AsArray()
                    .Select(e => $"{e!["path"]}:{e["rule"]}").ToHashSet(StringComparer.Ordinal);
            }).ToList();
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// The (form, data) cases @formio/core's own test suite, shipped in its npm package, hands to
    /// core, one JSON line each: formio/core-cases.js runs those tests and records their inputs.
    /// </summary>
    public static IReadOnlyList<string> PackageTestCases()
    {
        var stdout = RunNode("@formio/core's tests", "core-cases.js");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs one of the harness's node scripts and returns what it printed; fails with its stderr.</summary>
    private static string RunNode(string what, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Directory, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        if (!node.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} took more than two minutes");
        }
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({node.ExitCode}): {stderr.Result}");
        return stdout;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
