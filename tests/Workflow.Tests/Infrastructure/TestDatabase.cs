using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Application;

namespace Workflow.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL that scripts/test.sh starts. The schema (and Hangfire's) is migrated once into a
/// template; every test class gets its own copy (CREATE DATABASE … TEMPLATE …), in milliseconds.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> TemplateName = new(CreateTemplate);

    public static string Server =>
        Environment.GetEnvironmentVariable("WORKFLOW_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WORKFLOW_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts PostgreSQL.");

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A new, migrated database of its own; drop it with <see cref="Drop"/>.</summary>
    public static async Task<string> Create()
    {
        var template = await TemplateName.Value;
        var name = $"wf_{Guid.NewGuid():N}";
        await Execute($"CREATE DATABASE {name} TEMPLATE {template}");
        return name;
    }

    /// <summary>A new database with nothing in it, not even the schema.</summary>
    public static async Task<string> CreateEmpty()
    {
        // After the template: making it drops what earlier runs left, which would take this one too.
        await TemplateName.Value;
        var name = $"wf_{Guid.NewGuid():N}";
        await Execute($"CREATE DATABASE {name}");
        return name;
    }

    public static async Task Drop(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task<string> CreateTemplate()
    {
        // Databases left by earlier runs of this cluster go first.
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            var stale = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'wf\\_%'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    stale.Add(reader.GetString(0));
            foreach (var db in stale)
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }

        var name = $"wf_template_{Environment.ProcessId}";
        await Execute($"CREATE DATABASE {name}");
        await using (var db = AppDbContextOptions.Create(ConnectionString(name)))
            await db.Database.MigrateAsync();
        // Hangfire's schema too, as `workflow db migrate` installs it: every copy has its own job store.
        Workflow.Application.Jobs.JobHosting.Install(ConnectionString(name));
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
