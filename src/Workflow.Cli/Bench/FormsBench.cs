using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Cli.Bench;

/// <summary>
/// Submissions validated per second on the shipped forms: the C# validator in process and, with
/// --node, @formio/core's processSync (tests/Workflow.Forms.Tests/formio/bench.js) on the same cases.
/// Each side validates the cases over and over for the warm-up's seconds before it is timed: .NET's tiered
/// compilation and dynamic PGO keep replacing the validator's code for several seconds (the rate of the
/// rich forms grew fourfold over their first twenty passes), where V8 settles within a pass. The first
/// pass of each side, the cold start, is reported apart.
/// </summary>
public static class FormsBench
{
    public const string NodeScript = "tests/Workflow.Forms.Tests/formio/bench.js";

    public static async Task<int> Run(string formsDirectory, int cases, int runs, int warmupSeconds, bool node, TextWriter output, TextWriter error)
    {
        var files = Directory.Exists(formsDirectory) ? Directory.GetFiles(formsDirectory, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            await error.WriteLineAsync($"No form in '{formsDirectory}': run from the repository root or pass --forms DIR.");
            return 64;
        }
        var forms = files.Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();
        var all = BenchCases.Make(forms, cases, seed: 20261121);
        var casesFile = Path.Combine(Path.GetTempPath(), $"workflow-forms-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(casesFile, new JsonArray(all.Select(c => (JsonNode)new JsonObject
        {
            ["form"] = c.Form.DeepClone(), ["submission"] = c.Submission.DeepClone(),
        }).ToArray()).ToJsonString());
        try
        {
            var warmup = TimeSpan.FromSeconds(warmupSeconds);
            var (csharp, invalid) = TimeCSharp(all, runs, warmup);
            await output.WriteLineAsync($"{all.Count:N0} submissions over {forms.Count} forms ({string.Join(", ", files.Select(Path.GetFileNameWithoutExtension))}), " +
                                        $"{invalid:N0} of them invalid; median of {runs} runs after {warmupSeconds} s of warm-up, one thread");
            await output.WriteLineAsync("| validator | submissions/s | µs per submission | first pass (cold), submissions/s |");
            await output.WriteLineAsync("| --- | --- | --- | --- |");
            await output.WriteLineAsync(Row("C# (Workflow.Forms)", csharp));
            if (node)
            {
                // The node project is in the repository that holds the forms (forms/, src/Workflow.Cli/Bench/…).
                var script = NodeScriptAbove(formsDirectory);
                var core = await TimeNode(script, casesFile, runs, warmup);
                if (core is null)
                {
                    await error.WriteLineAsync($"node {NodeScript} failed: run 'npm ci --prefix tests/Workflow.Forms.Tests/formio' from the repository root first.");
                    return 1;
                }
                await output.WriteLineAsync(Row("@formio/core 2.8.3 processSync (node " + await NodeVersion() + ")", core));
            }
            return 0;
        }
        finally
        {
            File.Delete(casesFile);
        }
    }

    private static string NodeScriptAbove(string formsDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(formsDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, NodeScript);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(formsDirectory))!, NodeScript);
    }

    private sealed record Rates(double Warm, double Cold);

    private static string Row(string name, Rates rates) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {rates.Warm:N0} | {1_000_000 / rates.Warm:N1} | {rates.Cold:N0} |");

    private static (Rates Rates, int Invalid) TimeCSharp(IReadOnlyList<BenchCase> cases, int runs, TimeSpan warmup)
    {
        var validator = new FormValidator();
        var parsed = cases.Select(c => c.Form).Distinct().ToDictionary(f => f, f => FormSchemaParser.Parse(f));
        var invalid = 0;
        double Pass()
        {
            var watch = Stopwatch.StartNew();
            var failed = 0;
            foreach (var c in cases)
                if (!validator.Validate(parsed[c.Form], c.Submission).IsValid)
                    failed++;
            watch.Stop();
            invalid = failed;
            return cases.Count / watch.Elapsed.TotalSeconds;
        }
        var warming = Stopwatch.StartNew();
        var cold = Pass();
        while (warming.Elapsed < warmup)
            Pass();
        var rates = Enumerable.Range(0, runs).Select(_ => Pass()).ToList();
        return (new Rates(Median(rates), cold), invalid);
    }

    private static async Task<Rates?> TimeNode(string script, string casesFile, int runs, TimeSpan warmup)
    {
        var start = new ProcessStartInfo("node", [script, casesFile, runs.ToString(CultureInfo.InvariantCulture),
            warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            return null;
        var result = JsonSerializer.Deserialize<JsonElement>(text);
        var rates = result.GetProperty("perSecond").EnumerateArray().Select(r => r.GetDouble()).ToList();
        return new Rates(Median(rates), result.GetProperty("first").GetDouble());
    }

    private static async Task<string> NodeVersion()
    {
        using var process = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true })!;
        var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return version;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
