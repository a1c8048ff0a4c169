using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Application.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CalendarFeedWarning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_warning",
                table: "calendar_feeds",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_warning",
                table: "calendar_feeds");
        }
    }
}
