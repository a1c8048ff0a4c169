using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Application;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Persistence;

/// <summary>
/// A database built from nothing by the migrations (the SQL history, then EF's own from the baseline on)
/// has exactly the schema EF derives from the model, plus the guarantees only SQL can state.
/// MigrationToolingTests proves the snapshot, which later migrations are computed from, is the model.
/// </summary>
public sealed class MigrationsMatchModelTests : IAsyncLifetime
{
    private string _migrated = null!;
    private string _fromModel = null!;

    public async Task InitializeAsync()
    {
        _migrated = await TestDatabase.Create();
        _fromModel = await TestDatabase.CreateEmpty();
        await using var db = AppDbContextOptions.Create(TestDatabase.ConnectionString(_fromModel));
        await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
    }

    public async Task DisposeAsync()
    {
        await TestDatabase.Drop(_migrated);
        await TestDatabase.Drop(_fromModel);
    }

    [Fact]
    public async Task Migrations_build_the_schema_the_model_describes()
    {
        var migrated = await Schema(_migrated);
        var model = await Schema(_fromModel);

        migrated.Except(model).ShouldBeEmpty("in the migrations but not in the model");
        model.Except(migrated).ShouldBeEmpty("in the model but not in the migrations");
    }

    [Fact]
    public async Task Migrations_add_the_exclusion_constraints_and_the_roles_and_quartzs_tables_are_gone()
    {
        (await Rows(_migrated, "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'qrtz%' ORDER BY 1")).ShouldBeEmpty();
        var exclusions = await Rows(_migrated, "SELECT conname FROM pg_constraint WHERE contype = 'x' ORDER BY conname");
        exclusions.ShouldBe(["ex_appointments_main_user_no_overlap", "ex_availability_ranges_user_no_overlap"]);
        (await Rows(_migrated, "SELECT name FROM roles ORDER BY name")).ShouldBe(["admin", "designer", "expert", "planner"]);
    }

    private static async Task<HashSet<string>> Schema(string database)
    {
        var columns = await Rows(database, """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(character_maximum_length::text, '')
                   || ' ' || coalesce(column_default, '') || ' ' || coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__ef_migrations_history'
            """);
        // Exclusion constraints (ex_*) and their indexes are SQL-only; the next test checks them.
        var indexes = await Rows(database, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history' AND indexname NOT LIKE 'ex\\_%'");
        var constraints = await Rows(database, """
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND contype <> 'x' AND conrelid::regclass::text <> '__ef_migrations_history'
            """);
        var sequences = await Rows(database, "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'");
        return [.. columns, .. indexes, .. constraints, .. sequences];
    }

    private static async Task<List<string>> Rows(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
