using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workflow.Application.Persistence.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261121050000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScripts.Read("20261121050000_Initial.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The initial migration is not reversed: drop the database instead.");
}
