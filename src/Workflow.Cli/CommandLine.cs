using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workflow.Application;
using Workflow.Application.Persistence;

namespace Workflow.Cli;

/// <summary>The <c>workflow</c> console tool. Exit codes: 0 success, 1 the command reported a failure, 64 bad usage.</summary>
public static class CommandLine
{
    private const string Usage = """
        usage: workflow <command>

          db migrate [--connection CS]   apply the database migrations and install Hangfire's schema
          forms validate FORM.json SUBMISSION.json [--lang fr]
                                         validate a Form.io submission ({"data": {…}}) against a form schema; prints
                                         {"valid", "errors": [{"path", "rule", "message"}]}; exit 0 valid, 1 invalid,
                                         2 malformed form or unreadable file
          bench forms [--cases N] [--runs N] [--warmup SECONDS] [--node] [--forms DIR]
                                         time the Form.io validator on the shipped forms (and @formio/core with --node)
                                         after SECONDS (default 10) of warm-up on each side
          bench scheduling [--connection CS] [--experts N] [--runs N] [--database NAME] [--reuse]
                                         generate N experts (default 10000) with 20 ranges and 100 appointments each
                                         in a database (default 'workflow_bench', dropped first) and time matching and agendas
                                         (--reuse: time again on the data an earlier run left)
          bpmn validate FILE...          one JSON line per file: {"file", "valid", "errors": [{"element", "message"}]};
                                         exit 0 if all are valid, 1 if any is not
          deploy PATH... [--publish] [--forms DIR] [--connection CS]
                                         deploy BPMN files (or the .bpmn files of folders) if changed, and publish them;
                                         --forms imports the Form.io files of DIR first (user tasks name imported forms only)
          bench engine [--instances N] [--clients C] [--connection CS]
                                         instances per second: in memory and, with a database, persisted and through the application

        The connection string comes from --connection, else ConnectionStrings__Workflow in the environment.
        """;

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["db", "migrate", .. var rest]:
                return await Migrate(Connection(rest), output, error);
            case ["forms", "validate", var form, var submission, .. var rest]:
                return await FormsCommand.Validate(form, submission, Text(rest, "--lang") ?? "en", output, error);
            case ["bench", "forms", .. var rest]:
                return await Bench.FormsBench.Run(Text(rest, "--forms") ?? "forms", Option(rest, "--cases", 3000), Option(rest, "--runs", 5),
                    Option(rest, "--warmup", 10, minimum: 0), rest.Contains("--node"), output, error);
            case ["bench", "scheduling", .. var rest]:
                return Connection(rest) is { } cs
                    ? await Bench.SchedulingBench.Run(cs, Text(rest, "--database") ?? "workflow_bench", Option(rest, "--experts", 10_000), Option(rest, "--runs", 50), rest.Contains("--reuse"), output)
                    : await NoConnection(error);
            case ["bpmn", "validate", .. var files] when files.Length > 0:
                return await BpmnCommands.Validate(files, output);
            case ["deploy", .. var rest] when Paths(rest).Length > 0:
                return Connection(rest) is { Length: > 0 } connection
                    ? await BpmnCommands.Deploy(Paths(rest), rest.Contains("--publish"), Text(rest, "--forms"), connection, output, error)
                    : await NoConnection(error);
            case ["bench", "engine", .. var rest]:
                return await Bench.EngineBench.Run(rest, Connection(rest), output);
            case ["--help" or "-h" or "help"]:
                await output.WriteLineAsync(Usage);
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 64;
        }
    }

    private static async Task<int> NoConnection(TextWriter error)
    {
        await error.WriteLineAsync("No connection string: pass --connection or set ConnectionStrings__Workflow.");
        return 64;
    }

    private static string? Text(string[] rest, string name)
    {
        var i = Array.IndexOf(rest, name);
        return i >= 0 && i + 1 < rest.Length ? rest[i + 1] : null;
    }

    private static int Option(string[] rest, string name, int fallback, int minimum = 1)
    {
        var i = Array.IndexOf(rest, name);
        return i >= 0 && i + 1 < rest.Length && int.TryParse(rest[i + 1], out var value) && value >= minimum ? value : fallback;
    }

    /// <summary>The arguments that are neither options nor an option's value.</summary>
    private static string[] Paths(string[] rest) =>
        rest.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || rest[i - 1] is not ("--connection" or "--forms"))).ToArray();

    private static string? Connection(string[] rest)
    {
        var i = Array.IndexOf(rest, "--connection");
        if (i >= 0 && i + 1 < rest.Length)
            return rest[i + 1];
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return configuration.GetConnectionString("Workflow");
    }

    private static async Task<int> Migrate(string? connectionString, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("No connection string: pass --connection or set ConnectionStrings__Workflow.");
            return 64;
        }
        try
        {
            await using var db = AppDbContextOptions.Create(connectionString);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            // Hangfire's own schema, at the version its package needs (nodes then need not create it themselves).
            Workflow.Application.Jobs.JobHosting.Install(connectionString);
            await output.WriteLineAsync(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            await error.WriteLineAsync($"Migration failed: {ex.Message}");
            return 1;
        }
    }
}
