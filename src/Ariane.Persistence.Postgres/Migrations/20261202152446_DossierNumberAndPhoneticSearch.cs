using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneticKey",
                table: "Children",
                type: "character varying(1200)",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DossierCounters",
                columns: table => new
                {
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
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
                    SELECT "Id", EXTRACT(YEAR FROM ("CreatedAt" AT TIME ZONE 'UTC') + interval '1 hour')::int AS y,
                        ROW_NUMBER() OVER (PARTITION BY EXTRACT(YEAR FROM ("CreatedAt" AT TIME ZONE 'UTC') + interval '1 hour') ORDER BY "CreatedAt", "Id") AS n
                    FROM "Children")
                UPDATE "Children" AS c SET "DossierNumber" = (SELECT code FROM dept) || '-' || lpad(numbered.y::text, 4, '0') || '-'
                    || CASE WHEN numbered.n < 1000000 THEN lpad(numbered.n::text, 6, '0') ELSE numbered.n::text END
                FROM numbered WHERE numbered."Id" = c."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DossierCounters" ("DepartementCode", "Year", "LastNumber")
                SELECT COALESCE((SELECT "DepartementCode" FROM "Organisations"
                        WHERE "Kind" = 1 AND "DepartementCode" IS NOT NULL AND "DepartementCode" <> ''
                        ORDER BY "Id" LIMIT 1), '99'), y, COUNT(*)
                FROM (SELECT EXTRACT(YEAR FROM ("CreatedAt" AT TIME ZONE 'UTC') + interval '1 hour')::int AS y FROM "Children") AS years
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
