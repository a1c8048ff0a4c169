using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Application;
using Workflow.Application.Tasks;
using Workflow.Engine.State;
using Workflow.Cli;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;

namespace Workflow.Tests.Cli;

public sealed class BpmnCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bpmn-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Shipped(string file) => Path.Combine(Node.RepositoryRoot, "workflows", file);

    [Fact]
    public async Task Validate_prints_one_json_object_per_file_and_exits_1_when_any_is_invalid()
    {
        var unknownCommand = Write("unknown-command.bpmn", Bpmn.Service("bad", "Nope.Unknown", ""));
        var garbage = Write("garbage.bpmn", "\u0000\u0001 not xml at all <<<");
        var missing = Path.Combine(_folder, "missing.bpmn");

        var (code, output, _) = await Run("bpmn", "validate", Shipped("expertise.bpmn"), unknownCommand, garbage, missing);

        code.ShouldBe(1);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("file").GetString()).ShouldBe([Shipped("expertise.bpmn"), unknownCommand, garbage, missing]);
        lines.Select(l => l.GetProperty("valid").GetBoolean()).ShouldBe([true, false, false, false]);
        lines[0].GetProperty("errors").GetArrayLength().ShouldBe(0);
        var error = lines[1].GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("element").GetString().ShouldBe("Act");
        error.GetProperty("message").GetString()!.ShouldContain("Nope.Unknown");
        lines.Skip(2).ShouldAllBe(l => l.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Validate_exits_0_when_every_file_is_valid()
    {
        var (code, output, _) = await Run("bpmn", "validate", Shipped("expertise.bpmn"), Shipped("follow-up.bpmn"));

        code.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Deploy_publishes_a_folder_once_and_again_creates_nothing()
    {
        var database = await TestDatabase.Create();
        try
        {
            var connection = TestDatabase.ConnectionString(database);
            var (code, output, _) = await Run("deploy", Path.Combine(Node.RepositoryRoot, "workflows"), "--publish", "--forms", Path.Combine(Node.RepositoryRoot, "forms"), "--connection", connection);
            code.ShouldBe(0);
            var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            first.Select(l => (l.GetProperty("key").GetString(), l.GetProperty("version").GetInt32(), l.GetProperty("created").GetBoolean(), l.GetProperty("status").GetString()))
                .ShouldBe([("expertise", 1, true, "published"), ("follow-up", 1, true, "published")]);

            (code, output, _) = await Run("deploy", Shipped("expertise.bpmn"), "--connection", connection);
            code.ShouldBe(0);
            JsonDocument.Parse(output).RootElement.GetProperty("created").GetBoolean().ShouldBeFalse();

            await using var npgsql = new NpgsqlConnection(connection);
            await npgsql.OpenAsync();
            ((long)(await new NpgsqlCommand("SELECT count(*) FROM workflow_definitions WHERE status = 'published'", npgsql).ExecuteScalarAsync())!).ShouldBe(2);
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task Deploying_an_invalid_file_exits_1_and_says_why()
    {
        var database = await TestDatabase.Create();
        try
        {
            var bad = Write("bad.bpmn", Bpmn.Service("bad", "Nope.Unknown", ""));
            var (code, output, _) = await Run("deploy", bad, "--connection", TestDatabase.ConnectionString(database));

            code.ShouldBe(1);
            var line = JsonDocument.Parse(output).RootElement;
            line.GetProperty("deployed").GetBoolean().ShouldBeFalse();
            line.GetProperty("errors")[0].GetProperty("element").GetString().ShouldBe("Act");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task The_engine_benchmark_runs_the_whole_process_and_reports_a_rate()
    {
        var (code, output, _) = await Run("bench", "engine", "--instances", "300", "--clients", "2");

        code.ShouldBe(0);
        output.ShouldMatch(@"^in memory: 300 instances, 2 clients, [0-9.]+ s, [0-9]+ instances/s, [0-9]+ µs CPU each\s*$");
    }

    [Fact]
    public async Task The_engine_benchmark_with_a_database_also_runs_persisted_and_through_the_application()
    {
        var database = await TestDatabase.CreateEmpty();
        try
        {
            var (code, output, error) = await Run("bench", "engine", "--instances", "40", "--clients", "2", "--connection", TestDatabase.ConnectionString(database));

            error.ShouldBeEmpty();
            code.ShouldBe(0);
            output.ShouldMatch(@"(?m)^persisted on PostgreSQL: 40 instances, 2 clients, [0-9.]+ s, [0-9]+ instances/s, [0-9]+ µs CPU each\s*$");
            output.ShouldMatch(@"(?m)^through the application: 10 instances, 2 clients, [0-9.]+ s, [0-9]+ instances/s, [0-9]+ µs CPU each\s*$");
            // Every instance of the application run went to its end, with its note and its review task done.
            await using var db = AppDbContextOptions.Create(TestDatabase.ConnectionString(database));
            var instances = await db.WorkflowInstances.Where(i => i.DefinitionKey == "bench-app").ToListAsync();
            instances.ShouldNotBeEmpty();
            instances.ShouldAllBe(i => i.Status == InstanceStatus.Completed);
            (await db.Tasks.CountAsync(t => t.WorkflowElementId == "Review" && t.Status == WorkTaskStatus.Completed)).ShouldBe(instances.Count);
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
