using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using Workflow.Application;
using Workflow.Application.Persistence;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Persistence;

/// <summary>
/// EF Core's own migrations (dotnet ef): the snapshot in Persistence/Migrations is the model, so
/// <c>dotnet ef migrations add</c> makes an empty migration until the model changes; a database built by the
/// SQL history before the baseline takes the baseline and keeps its rows.
/// </summary>
public sealed class MigrationToolingTests
{
    private const string LastSqlMigration = "20261201090000_HangfireTimers";
    private const string Baseline = "20261201100000_Baseline";

    [Fact]
    public void The_model_has_no_change_that_no_migration_carries()
    {
        using var db = AppDbContextOptions.Create(TestDatabase.ConnectionString("postgres"));

        var differences = Differences(db);

        differences.ShouldBeEmpty("the model differs from AppDbContextModelSnapshot: add a migration with "
                                  + "'dotnet ef migrations add <Name> --project src/Workflow.Application'");
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void The_baseline_follows_the_sql_history_and_the_migrations_made_by_the_tool_follow_it()
    {
        using var db = AppDbContextOptions.Create(TestDatabase.ConnectionString("postgres"));
        var migrations = db.Database.GetMigrations().ToList();

        migrations.IndexOf(Baseline).ShouldBe(migrations.IndexOf(LastSqlMigration) + 1);
        migrations.ShouldBe(migrations.Order(StringComparer.Ordinal).ToList());
        // What came after, made by `dotnet ef migrations add`, is a C# migration with its model, not a SQL script.
        foreach (var later in migrations.Skip(migrations.IndexOf(Baseline) + 1))
            typeof(Workflow.Application.Persistence.Migrations.SqlMigration).IsAssignableFrom(db.GetService<IMigrationsAssembly>().Migrations[later]).ShouldBeFalse(later);
    }

    [Fact]
    public async Task A_database_built_by_the_sql_history_takes_the_baseline_and_keeps_its_rows()
    {
        var database = await TestDatabase.CreateEmpty();
        try
        {
            var connection = TestDatabase.ConnectionString(database);
            await using (var db = AppDbContextOptions.Create(connection))
                await db.GetService<IMigrator>().MigrateAsync(LastSqlMigration);
            await using (var source = NpgsqlDataSource.Create(connection))
            await using (var insert = source.CreateCommand("INSERT INTO skills (code, name) VALUES ('kept', 'Kept through the upgrade')"))
                await insert.ExecuteNonQueryAsync();

            await using (var db = AppDbContextOptions.Create(connection))
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                pending[0].ShouldBe(Baseline);
                pending.ShouldBe(db.Database.GetMigrations().SkipWhile(m => m != Baseline).ToList());
                await db.Database.MigrateAsync();
            }

            await using (var db = AppDbContextOptions.Create(connection))
            {
                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                (await db.Database.GetAppliedMigrationsAsync()).ShouldContain(Baseline);
                (await db.Skills.SingleAsync(s => s.Code == "kept")).Name.ShouldBe("Kept through the upgrade");
            }
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    /// <summary>What <c>dotnet ef migrations add</c> would put in a new migration, as EF's HasPendingModelChanges compares them.</summary>
    private static List<string> Differences(AppDbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model
                       ?? throw new InvalidOperationException("No model snapshot in the migrations assembly.");
        if (snapshot is IMutableModel mutable)
            snapshot = mutable.FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        return db.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel())
            .Select(o => $"{o.GetType().Name.Replace("Operation", "")} {(o as ITableMigrationOperation)?.Table} {o.GetType().GetProperty("Name")?.GetValue(o)}".TrimEnd())
            .ToList();
    }
}
