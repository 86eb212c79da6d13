using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildResponsibleDepartement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsibleDepartementCode",
                table: "Children",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Existing records belong to the installation's département: its first département organisation,
            // or the demo's « 99 » (the rule the dossier numbers were given by). Transfers come later.
            migrationBuilder.Sql("""
                UPDATE "Children" SET "ResponsibleDepartementCode" = COALESCE((SELECT "DepartementCode" FROM "Organisations"
                    WHERE "Kind" = 1 AND "DepartementCode" IS NOT NULL AND "DepartementCode" <> ''
                    ORDER BY "Id" LIMIT 1), '99');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Children_ResponsibleDepartementCode",
                table: "Children",
                column: "ResponsibleDepartementCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_ResponsibleDepartementCode",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ResponsibleDepartementCode",
                table: "Children");
        }
    }
}
