using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Application.Persistence.Migrations
{
    /// <summary>
    /// Where EF Core's own migrations begin. The schema was built by the SQL history before it (Migrations.cs,
    /// the embedded .sql files), which every database, old or new, runs first; this migration changes nothing
    /// and records, in its target model and in AppDbContextModelSnapshot, the model that history built.
    /// Every later migration is made with <c>dotnet ef migrations add</c> (docs/operations.md).
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The baseline is not reversed: the SQL history before it moves forward only.");
    }
}
