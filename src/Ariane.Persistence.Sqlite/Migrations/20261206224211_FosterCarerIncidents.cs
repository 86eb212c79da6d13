using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FosterCarerIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "foster_carer",
                column: "Permissions",
                value: 134217728);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "foster_carer",
                column: "Permissions",
                value: 0);
        }
    }
}
