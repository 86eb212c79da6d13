using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeakScanner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "ServiceAssignments");

            migrationBuilder.AddColumn<string>(
                name: "MotiveCode",
                table: "ServiceAssignments",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentKey",
                table: "LinkedPersons",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssignmentMotives",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Section = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentMotives", x => x.Code);
                });

            migrationBuilder.InsertData(
                table: "AssignmentMotives",
                columns: new[] { "Code", "IsActive", "Label", "Order", "Section" },
                values: new object[,]
                {
                    { "accueil_familial", true, "Accueil familial", 5, 2 },
                    { "aed", true, "AED (mesure administrative)", 6, 2 },
                    { "aemo", true, "AEMO / mesure judiciaire", 7, 4 },
                    { "autre", true, "Autre", 99, 1 },
                    { "evaluation", true, "Évaluation", 3, 2 },
                    { "mdph", true, "Suivi MDPH", 10, 3 },
                    { "mna", true, "Accueil d'un mineur non accompagné", 8, 2 },
                    { "ouverture", true, "Ouverture du dossier", 1, 1 },
                    { "placement", true, "Placement", 4, 2 },
                    { "pmi", true, "Suivi PMI", 9, 3 },
                    { "scolaire", true, "Suivi scolaire", 11, 2 },
                    { "suivi_ase", true, "Suivi ASE (référent)", 2, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAssignments_MotiveCode",
                table: "ServiceAssignments",
                column: "MotiveCode");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedPersons_ParentKey",
                table: "LinkedPersons",
                column: "ParentKey");

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceAssignments_AssignmentMotives_MotiveCode",
                table: "ServiceAssignments",
                column: "MotiveCode",
                principalTable: "AssignmentMotives",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceAssignments_AssignmentMotives_MotiveCode",
                table: "ServiceAssignments");

            migrationBuilder.DropTable(
                name: "AssignmentMotives");

            migrationBuilder.DropIndex(
                name: "IX_ServiceAssignments_MotiveCode",
                table: "ServiceAssignments");

            migrationBuilder.DropIndex(
                name: "IX_LinkedPersons_ParentKey",
                table: "LinkedPersons");

            migrationBuilder.DropColumn(
                name: "MotiveCode",
                table: "ServiceAssignments");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                table: "LinkedPersons");

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "ServiceAssignments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }
    }
}
