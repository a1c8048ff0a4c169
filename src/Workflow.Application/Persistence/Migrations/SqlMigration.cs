using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workflow.Application.Persistence.Migrations;

/// <summary>
/// A migration whose steps are the embedded SQL file named after its id (<c>{id}.sql</c>).
/// Migrations move forward only: to go back, restore a backup.
/// </summary>
public abstract class SqlMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScripts.Read(GetType().GetCustomAttribute<MigrationAttribute>()!.Id + ".sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException($"{GetType().Name} is not reversed: migrations move forward only.");
}
