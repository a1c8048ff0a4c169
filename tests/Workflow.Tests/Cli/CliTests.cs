using Npgsql;
using Workflow.Cli;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public async Task Db_migrate_builds_an_empty_database_and_is_idempotent()
    {
        var database = await TestDatabase.CreateEmpty();
        try
        {
            var connection = TestDatabase.ConnectionString(database);
            var (code, output, _) = await Run("db", "migrate", "--connection", connection);
            code.ShouldBe(0);
            output.ShouldContain("20261121050000_Initial");

            await using (var npgsql = new NpgsqlConnection(connection))
            {
                await npgsql.OpenAsync();
                var tables = (long)(await new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('dossiers', 'appointments', 'tasks', 'users')", npgsql).ExecuteScalarAsync())!;
                tables.ShouldBe(4);
            }

            (code, output, _) = await Run("db", "migrate", "--connection", connection);
            code.ShouldBe(0);
            output.ShouldContain("up to date");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task An_unreachable_database_is_a_clear_failure()
    {
        var (code, _, error) = await Run("db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2");

        code.ShouldBe(1);
        error.ShouldContain("Migration failed");
    }

    [Fact]
    public async Task The_scheduling_bench_generates_its_data_and_reports_median_and_p95()
    {
        var database = $"wf_bench_{Guid.NewGuid():N}";
        try
        {
            var (code, output, _) = await Run("bench", "scheduling", "--connection", TestDatabase.Server, "--database", database, "--experts", "40", "--runs", "3");

            code.ShouldBe(0);
            output.ShouldContain("40 experts");
            output.ShouldContain("800 availability ranges, 4,000 appointments");
            output.ShouldMatch(@"\| match experts, 2 weeks, 60 min \| 3 \| [0-9.]+ ms \| [0-9.]+ ms \| [1-9][0-9]* experts \|");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task Unknown_commands_print_the_usage()
    {
        var (code, _, error) = await Run("frobnicate");

        code.ShouldBe(64);
        error.ShouldContain("db migrate");
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
