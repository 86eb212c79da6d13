using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DossierNumberAndPhoneticSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DossierNumber",
                table: "Children",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneticKey",
                table: "Children",
                type: "TEXT",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DossierCounters",
                columns: table => new
                {
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierCounters", x => new { x.DepartementCode, x.Year });
                });

            // Existing records get their number by creation order within each (French) year, in the
            // département of the installation's first département organisation, as DossierNumbering would
            // have given it; the counters start after them. New Year is in winter: Paris is UTC+1.
            migrationBuilder.Sql("""
                WITH dept AS (
                    SELECT COALESCE((SELECT "DepartementCode" FROM "Organisations"
                        WHERE "Kind" = 1 AND "DepartementCode" IS NOT NULL AND "DepartementCode" <> ''
                        ORDER BY "Id" LIMIT 1), '99') AS code),
                numbered AS (
                    SELECT "Id", CAST(strftime('%Y', "CreatedAt", '+1 hour') AS INTEGER) AS y,
                        ROW_NUMBER() OVER (PARTITION BY strftime('%Y', "CreatedAt", '+1 hour') ORDER BY "CreatedAt", "Id") AS n
                    FROM "Children")
                UPDATE "Children" SET "DossierNumber" = (SELECT code FROM dept) || '-' || printf('%04d', numbered.y) || '-' || printf('%06d', numbered.n)
                FROM numbered WHERE numbered."Id" = "Children"."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DossierCounters" ("DepartementCode", "Year", "LastNumber")
                SELECT COALESCE((SELECT "DepartementCode" FROM "Organisations"
                        WHERE "Kind" = 1 AND "DepartementCode" IS NOT NULL AND "DepartementCode" <> ''
                        ORDER BY "Id" LIMIT 1), '99'), y, COUNT(*)
                FROM (SELECT CAST(strftime('%Y', "CreatedAt", '+1 hour') AS INTEGER) AS y FROM "Children") AS years
                GROUP BY y;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Children_DossierNumber",
                table: "Children",
                column: "DossierNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierCounters");

            migrationBuilder.DropIndex(
                name: "IX_Children_DossierNumber",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "DossierNumber",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "PhoneticKey",
                table: "Children");
        }
    }
}
